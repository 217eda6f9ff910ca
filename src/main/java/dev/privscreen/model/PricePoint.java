package dev.privscreen.model;

import java.time.LocalDate;

/** A daily close and volume of one asset. */
public record PricePoint(String id, LocalDate date, Double closeUsd, Double volumeUsd) {}
