package org.pacarbon.tracker.core;

import org.eclipse.jdt.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One node of a framework tree, as stored: a framework, key issue, research question or work item. Immutable: a
 * change goes through {@link TrackerStore#set}, which records it in the item's history.
 *
 * @param id       row id in this tracker file (not stable across files; {@link #uid} is)
 * @param uid      identity across files and exports: {@code framework:code} for framework items, a UUID for tasks
 * @param parentId parent row id, or 0 for a framework
 * @param code     short reference shown to users: K1, Q7, T12
 * @param titleZh  Simplified Chinese title, or "" (then {@link #title} is shown in every language)
 * @param due      due date or null
 */
public record Item(long id, String uid, long parentId, Kind kind, String code, String title, String titleZh,
        String description, Status status, Priority priority, String owner, @Nullable LocalDate due, List<String> tags,
        List<String> pas, Instant created, Instant modified, int position) {

    public Item {
        tags = List.copyOf(tags);
        pas = List.copyOf(pas);
    }

    /** The title in the given language: Chinese when the locale is Chinese and a Chinese title exists. */
    public String title(Locale locale) {
        return locale.getLanguage().equals("zh") && !titleZh.isEmpty() ? titleZh : title;
    }

    /** @return the due date as ISO text (yyyy-mm-dd), or "" when there is none */
    public String dueText() {
        LocalDate d = due;
        return d == null ? "" : d.toString();
    }

    /** Not done and its due date is before {@code today}. */
    public boolean overdue(LocalDate today) {
        return due != null && status != Status.DONE && due.isBefore(today);
    }
}
