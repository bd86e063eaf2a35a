package org.pacarbon.tracker.core;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A tracker as a Markdown report: per framework and key issue, a table of questions and their work items. */
final class TrackerMarkdown {
    private TrackerMarkdown() {
    }

    static String markdown(TrackerStore store, Locale locale) throws TrackerException {
        boolean zh = locale.getLanguage().equals("zh");
        List<Item> items = store.items();
        Map<Long, Double> progress = TrackerStore.progress(items);
        LocalDate today = LocalDate.now();
        StringBuilder sb = new StringBuilder();
        for (Item i : items) {
            String title = i.title(locale).replace("|", "\\|");
            if (i.kind() == Kind.FRAMEWORK || i.kind() == Kind.ISSUE) {
                if (sb.length() > 0 && !sb.toString().endsWith("\n\n")) {
                    sb.append("\n");
                }
            }
            switch (i.kind()) {
                case FRAMEWORK:
                    sb.append("# ").append(title).append("\n\n");
                    if (!i.description().isEmpty()) {
                        sb.append(i.description()).append("\n\n");
                    }
                    break;
                case ISSUE:
                    sb.append("## ").append(i.code()).append(" ").append(title).append(String.format(Locale.ROOT,
                            " (%.0f %%)", 100 * progress.get(i.id()))).append("\n\n");
                    sb.append(zh ? "| 编号 | 标题 | 状态 | 优先级 | 负责人 | 截止 | 进度 | 证据 |\n"
                            : "| Code | Title | Status | Priority | Owner | Due | Progress | Evidence |\n");
                    sb.append("|---|---|---|---|---|---|---:|---|\n");
                    break;
                default:
                    int depth = depth(i, items);
                    String indent = "&nbsp;&nbsp;".repeat(Math.max(0, depth - 2));
                    List<String> ev = store.evidence(i.id()).stream().map(e -> e.label().replace("|", "\\|")).toList();
                    sb.append("| ").append(i.code()).append(" | ").append(indent).append(title)
                            .append(" | ").append(i.status().key()).append(i.overdue(today) ? (zh ? " (逾期)" : " (overdue)") : "")
                            .append(" | ").append(i.priority().key())
                            .append(" | ").append(i.owner().replace("|", "\\|"))
                            .append(" | ").append(i.dueText())
                            .append(" | ").append(String.format(Locale.ROOT, "%.0f %%", 100 * progress.get(i.id())))
                            .append(" | ").append(String.join("; ", ev)).append(" |\n");
            }
        }
        return sb.toString();
    }

    private static int depth(Item i, List<Item> items) {
        Map<Long, Long> parent = new HashMap<>();
        items.forEach(x -> parent.put(x.id(), x.parentId()));
        int d = 0;
        for (long p = i.parentId(); p != 0; p = parent.getOrDefault(p, 0L)) {
            d++;
        }
        return d;
    }

    static void exportMarkdown(TrackerStore store, Path out, Locale locale) throws TrackerException {
        TrackerIO.write(out, markdown(store, locale), false);
    }
}
