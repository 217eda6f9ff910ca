package dev.privscreen.model;

/** One row of the snapshot's {@code assets} table; every field but id and symbol may be null. */
public record Asset(
    String id,
    String symbol,
    String name,
    Double priceUsd,
    Double marketCapUsd,
    Double fdvUsd,
    Double volume24hUsd,
    Double change24hPct,
    Double change7dPct,
    Double change30dPct,
    Double circulatingSupply,
    Double maxSupply) {}
