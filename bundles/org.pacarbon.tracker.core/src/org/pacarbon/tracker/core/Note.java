package org.pacarbon.tracker.core;

import java.time.Instant;

/** A timestamped note on an item. */
public record Note(long id, long itemId, Instant at, String author, String text) {
}
