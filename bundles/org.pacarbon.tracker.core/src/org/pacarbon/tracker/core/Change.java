package org.pacarbon.tracker.core;

import java.time.Instant;

/** One entry of an item's history: who changed which field from what to what, and when. */
public record Change(long id, long itemId, Instant at, String who, String field, String oldValue, String newValue) {
}
