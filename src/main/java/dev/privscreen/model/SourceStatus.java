package dev.privscreen.model;

import java.time.Instant;

/** What a fetch got from one source. */
public record SourceStatus(String name, Instant fetchedAt, String status, String error) {}
