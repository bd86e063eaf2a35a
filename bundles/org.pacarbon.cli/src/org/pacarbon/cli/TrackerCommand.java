package org.pacarbon.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.pacarbon.cli.Commands.UsageException;
import org.pacarbon.tracker.core.Change;
import org.pacarbon.tracker.core.Evidence;
import org.pacarbon.tracker.core.Field;
import org.pacarbon.tracker.core.Frameworks;
import org.pacarbon.tracker.core.Item;
import org.pacarbon.tracker.core.Note;
import org.pacarbon.tracker.core.Query;
import org.pacarbon.tracker.core.Status;
import org.pacarbon.tracker.core.TrackerException;
import org.pacarbon.tracker.core.TrackerIO;
import org.pacarbon.tracker.core.TrackerStore;

/** {@code ./pacarbon tracker ...}: the research tracker on the command line. */
final class TrackerCommand {
    static final String USAGE = """
            usage: ./pacarbon tracker <action> [--file TRACKER.sqlite] ...

            Actions:
              list [--status S,S] [--owner O] [--tag T] [--pa ID] [--text Q] [--overdue] [--lang en|zh]
                                         the framework tree (key issues, questions, work items) with status,
                                         priority, owner, due date and progress; filters show matching items only
              show REF                   one item with its notes, evidence and history (REF: Q7, T12, #12 or a uid)
              add --parent REF --title T [fields] [--note N] [--evidence PATH|URL [--extent x0,y0,x1,y1] [--label L]]
                                         add a work item under a research question (or another work item)
              update REF [fields] [--note N] [--evidence ...]
                                         change an item; every change goes into its history
              delete REF                 delete a work item (framework issues and questions stay)
              export --out F.json|F.csv|F.md [--lang en|zh]
                                         JSON keeps everything (import reads it back), CSV and Markdown for reports
              import F.json|F.csv        add or update items from an export (CSV: work items with title, parent, ...)
              framework F.json           load a research framework definition (key issues and questions)
              restore                    set a damaged tracker file aside and put its backup in its place

            Fields: --title --title-zh --description --status open|in_progress|blocked|done
                    --priority critical|high|normal|low --owner --due YYYY-MM-DD --tags a,b --pas PA1,PA2
            The tracker file is --file, else $PACARBON_TRACKER, else research-tracker.sqlite in the workbench's
            workspace ($PACARBON_WORKSPACE or ~/.pacarbon/workspace), so the CLI and the workbench share it.
            A new tracker holds the paper's 3 key issues and 14 research questions.
            """;

    private static final String[] FIELD_OPTIONS = {"--title", "--title-zh", "--description", "--status", "--priority",
        "--owner", "--due", "--tags", "--pas"};

    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, Path> paths;

    TrackerCommand(PrintStream out, PrintStream err, Function<String, Path> paths) {
        this.out = out;
        this.err = err;
        this.paths = paths;
    }

    /** The tracker file used when none is given ($PACARBON_WORKSPACE: the workspace it is in). */
    static Path defaultFile() {
        String ws = System.getenv("PACARBON_WORKSPACE");
        return TrackerStore.defaultFile(ws != null && !ws.isBlank() ? Path.of(ws) : null);
    }

    int run(List<String> args) throws UsageException, TrackerException {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            out.print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        String action = args.get(0);
        List<String> rest = args.subList(1, args.size());
        List<String> pos = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("--file"));
        switch (action) {
            case "list":
                names.addAll(List.of("--status", "--owner", "--tag", "--pa", "--text", "--overdue", "--lang"));
                break;
            case "add":
            case "update":
                names.addAll(List.of(FIELD_OPTIONS));
                names.addAll(List.of("--parent", "--note", "--evidence", "--extent", "--label"));
                break;
            case "export":
                names.addAll(List.of("--out", "--lang"));
                break;
            case "show":
            case "delete":
            case "import":
            case "framework":
            case "restore":
                break;
            default:
                throw new UsageException("unknown action '" + action + "' (list, show, add, update, delete, export, "
                        + "import, framework, restore)");
        }
        // --overdue is a flag: give it a value so the common parser accepts it
        List<String> normalized = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            normalized.add(rest.get(i));
            if (rest.get(i).equals("--overdue") && (i + 1 >= rest.size() || rest.get(i + 1).startsWith("--"))) {
                normalized.add("true");
            }
        }
        Map<String, String> o = Commands.options(normalized, pos, names.toArray(String[]::new));
        if (o.containsKey("--help")) {
            out.print(USAGE);
            return 0;
        }
        Path file = o.containsKey("--file") ? paths.apply(o.get("--file")) : defaultFile().toAbsolutePath();
        if (action.equals("restore")) {
            Path aside = TrackerStore.restoreFromBackup(file);
            out.println("The damaged file was moved to " + aside);
            out.println("Restored " + file + " from " + TrackerStore.backupPath(file));
            return 0;
        }
        try (TrackerStore s = TrackerStore.open(file)) {
            for (String problem : Frameworks.loadContributed(s)) {
                err.println("pacarbon tracker: warning: " + problem);
            }
            switch (action) {
                case "list":
                    return list(s, o);
                case "show":
                    return show(s, one(pos, "show REF"));
                case "add":
                    return add(s, pos, o);
                case "update":
                    return update(s, one(pos, "update REF [fields]"), o);
                case "delete": {
                    Item i = s.find(one(pos, "delete REF"));
                    s.delete(i.id());
                    out.println("Deleted " + i.code() + " " + i.title());
                    return 0;
                }
                case "export":
                    return export(s, o);
                case "import":
                    return importFile(s, paths.apply(one(pos, "import F.json|F.csv")));
                case "framework": {
                    Path def = paths.apply(one(pos, "framework F.json"));
                    org.pacarbon.tracker.core.Framework f;
                    try (var in = java.nio.file.Files.newInputStream(def)) {
                        f = org.pacarbon.tracker.core.Framework.read(in, def.toString());
                    } catch (java.io.IOException e) {
                        throw new TrackerException("cannot read framework " + def + ": " + e.getMessage(), e);
                    }
                    int n = s.loadFramework(f);
                    out.println("Framework " + f.id() + ": " + n + " items added (" + f.issues().size() + " key issues, "
                            + f.questionCount() + " questions)");
                    return 0;
                }
                default:
                    throw new AssertionError(action);
            }
        }
    }

    private static String one(List<String> pos, String usage) throws UsageException {
        if (pos.size() != 1) {
            throw new UsageException("usage: ./pacarbon tracker " + usage);
        }
        return pos.get(0);
    }

    private int list(TrackerStore s, Map<String, String> o) throws TrackerException, UsageException {
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        for (String st : Field.list(o.getOrDefault("--status", ""))) {
            statuses.add(Status.parse(st));
        }
        boolean overdue = o.containsKey("--overdue") && !o.get("--overdue").equalsIgnoreCase("false");
        Query q = new Query(statuses, o.getOrDefault("--owner", ""), o.getOrDefault("--tag", ""), o.getOrDefault("--pa", ""),
                o.getOrDefault("--text", ""), overdue);
        Locale lang = lang(o);
        List<Item> all = s.items();
        Map<Long, Double> progress = TrackerStore.progress(all);
        Map<Long, Integer> depth = new HashMap<>();
        for (Item i : all) {
            depth.put(i.id(), i.parentId() == 0 ? 0 : depth.getOrDefault(i.parentId(), 0) + 1);
        }
        List<Item> shown = s.query(q);
        LocalDate today = LocalDate.now();
        out.printf(Locale.ROOT, "%-10s %-12s %-9s %-14s %-11s %5s  %s%n", "CODE", "STATUS", "PRIORITY", "OWNER", "DUE",
                "DONE", "TITLE");
        for (Item i : shown) {
            String code = "  ".repeat(Math.max(0, depth.get(i.id()) - 1)) + i.code();
            String flag = i.overdue(today) ? " (overdue)" : "";
            out.printf(Locale.ROOT, "%-10s %-12s %-9s %-14s %-11s %4.0f%%  %s%s%n", code, i.status().key(),
                    i.priority().key(), clip(i.owner(), 14), i.dueText(),
                    100 * progress.get(i.id()), i.title(lang), flag);
        }
        if (!q.isAll()) {
            out.println(shown.size() + " of " + all.size() + " items match");
        }
        return 0;
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }

    private static Locale lang(Map<String, String> o) throws UsageException {
        String l = o.getOrDefault("--lang", Locale.getDefault().getLanguage());
        if (!l.equals("en") && !l.equals("zh")) {
            if (o.containsKey("--lang")) {
                throw new UsageException("--lang must be en or zh");
            }
            return Locale.ENGLISH;
        }
        return l.equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    private int show(TrackerStore s, String ref) throws TrackerException {
        Item i = s.find(ref);
        Map<Long, Double> progress = s.progress();
        out.println(i.code() + "  " + i.title() + (i.titleZh().isEmpty() ? "" : "  (" + i.titleZh() + ")"));
        out.println("  id:          #" + i.id() + "  " + i.uid() + "  (" + i.kind().key() + ")");
        if (i.parentId() != 0) {
            Item p = s.item(i.parentId());
            out.println("  under:       " + p.code() + " " + p.title());
        }
        out.printf(Locale.ROOT, "  status:      %s, priority %s, %.0f %% done%n", i.status().key(), i.priority().key(),
                100 * progress.get(i.id()));
        out.println("  owner:       " + i.owner());
        out.println("  due:         " + (i.due() == null ? "" : i.due() + (i.overdue(LocalDate.now()) ? " (overdue)" : "")));
        out.println("  tags:        " + String.join(", ", i.tags()));
        out.println("  linked PAs:  " + String.join(", ", i.pas()));
        if (!i.description().isEmpty()) {
            out.println("  description: " + i.description().replace("\n", "\n               "));
        }
        List<Item> kids = s.children(i.id());
        if (!kids.isEmpty()) {
            out.println("  items:");
            for (Item k : kids) {
                out.println("    " + k.code() + "  [" + k.status().key() + "] " + k.title());
            }
        }
        List<Evidence> ev = s.evidence(i.id());
        if (!ev.isEmpty()) {
            out.println("  evidence:");
            for (Evidence e : ev) {
                out.println("    [" + e.type().key() + "] " + e.label() + "  " + e.target()
                        + (e.extent().isEmpty() ? "" : "  extent " + e.extent()));
            }
        }
        List<Note> notes = s.notes(i.id());
        if (!notes.isEmpty()) {
            out.println("  notes:");
            for (Note n : notes) {
                out.println("    " + n.at() + " " + n.author() + ": " + n.text().replace("\n", "\n      "));
            }
        }
        List<Change> h = s.history(i.id());
        if (!h.isEmpty()) {
            out.println("  history:");
            for (Change c : h) {
                out.println("    " + c.at() + " " + c.who() + ": " + c.field()
                        + (c.oldValue().isEmpty() ? "" : " '" + c.oldValue() + "' ->") + " '" + c.newValue() + "'");
            }
        }
        return 0;
    }

    private static Map<Field, String> fields(Map<String, String> o) throws TrackerException {
        Map<Field, String> v = new LinkedHashMap<>();
        for (String name : FIELD_OPTIONS) {
            if (o.containsKey(name)) {
                v.put(Field.parse(name.substring(2).replace('-', '_')), o.get(name));
            }
        }
        return v;
    }

    private int add(TrackerStore s, List<String> pos, Map<String, String> o) throws TrackerException, UsageException {
        if (!pos.isEmpty() || !o.containsKey("--parent") || !o.containsKey("--title")) {
            throw new UsageException("usage: ./pacarbon tracker add --parent Q7 --title \"...\" [fields]");
        }
        Map<Field, String> v = fields(o);
        String title = v.remove(Field.TITLE);
        Item t = s.addTask(s.find(o.get("--parent")).id(), title, v);
        extras(s, t, o);
        out.println("Added " + t.code() + " " + t.title() + " under " + o.get("--parent"));
        return 0;
    }

    private int update(TrackerStore s, String ref, Map<String, String> o) throws TrackerException, UsageException {
        Item i = s.find(ref);
        Map<Field, String> v = fields(o);
        if (v.isEmpty() && !o.containsKey("--note") && !o.containsKey("--evidence")) {
            throw new UsageException("nothing to update: give a field (--status, --owner, ...), --note or --evidence");
        }
        for (Field f : v.keySet()) { // check all before changing any
            f.normalize(v.get(f));
        }
        int changed = 0;
        for (Map.Entry<Field, String> e : v.entrySet()) {
            changed += s.set(i.id(), e.getKey(), e.getValue()) != null ? 1 : 0;
        }
        extras(s, i, o);
        out.println("Updated " + i.code() + ": " + changed + " field" + (changed == 1 ? "" : "s") + " changed"
                + (o.containsKey("--note") ? ", note added" : "") + (o.containsKey("--evidence") ? ", evidence linked" : ""));
        return 0;
    }

    private void extras(TrackerStore s, Item i, Map<String, String> o) throws TrackerException {
        if (o.containsKey("--note")) {
            s.addNote(i.id(), o.get("--note"));
        }
        if (o.containsKey("--evidence")) {
            String target = o.get("--evidence");
            Evidence.Type type = Evidence.Type.guess(target);
            if (type != Evidence.Type.URL) {
                Path p = paths.apply(target);
                if (!java.nio.file.Files.exists(p)) {
                    throw new TrackerException("evidence " + p + " does not exist");
                }
                target = p.toString();
            }
            s.addEvidence(i.id(), type, target, o.get("--label"), o.get("--extent"));
        }
    }

    private int export(TrackerStore s, Map<String, String> o) throws TrackerException, UsageException {
        if (!o.containsKey("--out")) {
            throw new UsageException("usage: ./pacarbon tracker export --out F.json|F.csv|F.md");
        }
        Path f = paths.apply(o.get("--out"));
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            TrackerIO.exportJson(s, f);
        } else if (name.endsWith(".csv")) {
            TrackerIO.exportCsv(s, f);
        } else if (name.endsWith(".md")) {
            TrackerIO.exportMarkdown(s, f, lang(o));
        } else {
            throw new UsageException("--out must end in .json, .csv or .md");
        }
        out.println(f);
        return 0;
    }

    private int importFile(TrackerStore s, Path f) throws TrackerException, UsageException {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            int n = TrackerIO.importJson(s, f);
            out.println("Imported " + f + ": " + n + " items added, the others merged");
        } else if (name.endsWith(".csv")) {
            int[] n = TrackerIO.importCsv(s, f);
            out.println("Imported " + f + ": " + n[0] + " work items added, " + n[1] + " updated");
        } else {
            throw new UsageException("import reads .json (a tracker export) or .csv (work items)");
        }
        return 0;
    }
}
