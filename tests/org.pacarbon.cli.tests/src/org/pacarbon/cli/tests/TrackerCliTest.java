package org.pacarbon.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.cli.tests.CliTest.Run;

/** `pacarbon tracker` end to end: a session of adding, updating, linking, exporting and importing. */
class TrackerCliTest {
    @TempDir
    Path dir;

    private Run tracker(String... args) {
        String[] a = new String[args.length + 3];
        a[0] = "tracker";
        System.arraycopy(args, 0, a, 1, args.length);
        a[args.length + 1] = "--file";
        a[args.length + 2] = dir.resolve("t.sqlite").toString();
        return CliTest.run(a);
    }

    @Test
    void aSessionOnTheCommandLine() throws Exception {
        Run r = tracker("list");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("K2") && r.out().contains("  Q14") && r.out().contains("A joint governance system"), r.out());
        assertEquals(1 + 1 + 3 + 14, r.out().lines().count(), r.out());

        Path run = Files.createDirectories(dir.resolve("run1")).resolve("provenance.json");
        Files.writeString(run, "{}");
        r = tracker("add", "--parent", "Q8", "--title", "Emission inventory, Wolong", "--owner", "ana", "--due", "2020-06-30",
                "--tags", "emissions", "--evidence", run.toString(), "--note", "first pass");
        assertEquals(0, r.code(), r.err());
        String code = r.out().split(" ")[1];
        assertTrue(code.matches("T\\d+"), r.out());

        r = tracker("update", code, "--status", "in-progress", "--priority", "high");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2 fields changed"), r.out());

        r = tracker("show", code);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("in_progress, priority high"), r.out());
        assertTrue(r.out().contains("[run] assessment run run1"), r.out());
        assertTrue(r.out().contains("first pass"), r.out());
        assertTrue(r.out().contains("status 'open' -> 'in_progress'"), r.out());
        assertTrue(r.out().contains("2020-06-30 (overdue)"), r.out());

        r = tracker("list", "--overdue");
        assertTrue(r.out().contains(code) && r.out().contains("1 of 19 items match"), r.out());
        r = tracker("list", "--owner", "nobody");
        assertTrue(r.out().contains("0 of 19 items match"), r.out());
        r = tracker("list", "--lang", "zh");
        assertTrue(r.out().contains("自然保护地人为碳排放监测与评估"), r.out());

        Path json = dir.resolve("export.json");
        Path md = dir.resolve("report.md");
        Path csv = dir.resolve("items.csv");
        assertEquals(0, tracker("export", "--out", json.toString()).code());
        assertEquals(0, tracker("export", "--out", md.toString()).code());
        assertEquals(0, tracker("export", "--out", csv.toString()).code());
        assertTrue(Files.readString(md).contains("Emission inventory, Wolong"));
        assertTrue(Files.readString(csv).contains("\"Emission inventory, Wolong\""));

        // into another tracker, and back out: the same JSON
        Path other = dir.resolve("other.sqlite");
        r = CliTest.run("tracker", "import", json.toString(), "--file", other.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1 items added"), r.out());
        Path json2 = dir.resolve("export2.json");
        assertEquals(0, CliTest.run("tracker", "export", "--out", json2.toString(), "--file", other.toString()).code());
        assertEquals(Files.readString(json), Files.readString(json2));

        assertEquals(0, tracker("delete", code).code());
        r = tracker("show", code);
        assertEquals(1, r.code());
        assertTrue(r.err().contains("has no item '" + code + "'"), r.err());
    }

    @Test
    void badInputGetsAClearMessage() throws Exception {
        Run r = tracker("update", "Q3", "--status", "finished");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("unknown status 'finished'"), r.err());
        r = tracker("add", "--parent", "K1", "--title", "x");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("not under issue K1"), r.err());
        r = tracker("frobnicate");
        assertEquals(2, r.code());
        r = tracker("delete", "Q1");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("cannot be deleted"), r.err());

        Path broken = dir.resolve("broken.sqlite");
        Files.writeString(broken, "not a database");
        r = CliTest.run("tracker", "list", "--file", broken.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("broken.sqlite is damaged") && r.err().contains("no backup"), r.err());
        assertEquals("not a database", Files.readString(broken), "the user's file is left alone");
    }
}
