package org.pacarbon.tracker.core;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * A filter on items, as in Mylyn's task queries. Empty parts match everything; the parts are and-ed.
 *
 * @param statuses items whose status is one of these (empty: any)
 * @param owner    owner equal to this, ignoring case ("" any)
 * @param tag      having this tag ("" any)
 * @param pa       linked to this PA id ("" any)
 * @param text     in code, titles, description or notes, ignoring case ("" any)
 * @param overdue  only items past their due date and not done
 */
public record Query(Set<Status> statuses, String owner, String tag, String pa, String text, boolean overdue) {
    public static final Query ALL = new Query(Set.of(), "", "", "", "", false);

    public Query {
        statuses = Set.copyOf(statuses);
    }

    public boolean isAll() {
        return statuses.isEmpty() && owner.isEmpty() && tag.isEmpty() && pa.isEmpty() && text.isEmpty() && !overdue;
    }

    /** Whether an item (with the text of its notes) matches. */
    public boolean matches(Item item, String notesText, LocalDate today) {
        if (!statuses.isEmpty() && !statuses.contains(item.status())) {
            return false;
        }
        if (!owner.isEmpty() && !item.owner().equalsIgnoreCase(owner)) {
            return false;
        }
        if (!tag.isEmpty() && item.tags().stream().noneMatch(t -> t.equalsIgnoreCase(tag))) {
            return false;
        }
        if (!pa.isEmpty() && !item.pas().contains(pa)) {
            return false;
        }
        if (overdue && !item.overdue(today)) {
            return false;
        }
        if (!text.isEmpty()) {
            String needle = text.toLowerCase(Locale.ROOT);
            String hay = (item.code() + "\n" + item.title() + "\n" + item.titleZh() + "\n" + item.description() + "\n"
                    + notesText).toLowerCase(Locale.ROOT);
            return hay.contains(needle);
        }
        return true;
    }
}
