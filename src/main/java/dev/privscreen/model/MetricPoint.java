package dev.privscreen.model;

import java.time.LocalDate;

/** A named per-asset daily figure (e.g. shielded_supply), shown as {@code m_<name>}. */
public record MetricPoint(String id, LocalDate date, String name, double value) {}
