package dev.privscreen.model;

import java.time.LocalDate;

/** Open interest of one asset on one venue and UTC day, one-sided, in USD. */
public record OiPoint(String id, String venue, LocalDate date, Double oiUsd) {}
