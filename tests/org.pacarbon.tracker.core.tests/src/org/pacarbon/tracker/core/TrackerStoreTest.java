package org.pacarbon.tracker.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackerStoreTest {
    @TempDir
    Path dir;

    @Test
    void newTrackerHoldsTheFrameworkInEnglishAndChinese() throws Exception {
        try (TrackerStore s = TrackerStore.open(dir.resolve("t.sqlite"))) {
            List<Item> all = s.items();
            assertEquals(1, all.stream().filter(i -> i.kind() == Kind.FRAMEWORK).count());
            List<Item> issues = all.stream().filter(i -> i.kind() == Kind.ISSUE).toList();
            List<Item> questions = all.stream().filter(i -> i.kind() == Kind.QUESTION).toList();
            assertEquals(List.of("K1", "K2", "K3"), issues.stream().map(Item::code).toList());
            assertEquals(14, questions.size());
            // tree order: K1 Q1..Q5, K2 Q6..Q11, K3 Q12..Q14
            List<String> order = all.stream().skip(1).map(Item::code).toList();
            assertEquals(List.of("K1", "Q1", "Q2", "Q3", "Q4", "Q5", "K2", "Q6", "Q7", "Q8", "Q9", "Q10", "Q11", "K3",
                    "Q12", "Q13", "Q14"), order);
            Item q12 = s.find("Q12");
            assertEquals("生物多样性保护和碳中和协同增效关键区域识别", q12.title(Locale.SIMPLIFIED_CHINESE));
            assertEquals("Finding key synergy areas", q12.title(Locale.ENGLISH));
            assertEquals(s.find("K3").id(), q12.parentId());
            assertEquals(2, s.schemaVersion());
        }
        // opening again does not seed twice
        try (TrackerStore s = TrackerStore.open(dir.resolve("t.sqlite"))) {
            assertEquals(14, s.items().stream().filter(i -> i.kind() == Kind.QUESTION).count());
        }
    }

    @Test
    void createUpdateDeleteWithHistoryNotesAndEvidence() throws Exception {
        try (TrackerStore s = TrackerStore.open(dir.resolve("t.sqlite"))) {
            s.setUser("ana");
            Item q8 = s.find("Q8");
            Item t = s.addTask(q8.id(), "  Emission inventory for Wolong  ",
                    Map.of(Field.OWNER, "Ana", Field.DUE, "2027-03-31", Field.TAGS, "emissions, inventory,emissions",
                            Field.PAS, "NP-1;NR-7"));
            assertEquals("Emission inventory for Wolong", t.title());
            assertEquals("T" + t.id(), t.code());
            assertEquals(List.of("emissions", "inventory"), t.tags());
            assertEquals(List.of("NP-1", "NR-7"), t.pas());
            assertEquals(LocalDate.of(2027, 3, 31), t.due());
            assertEquals(Status.OPEN, t.status());

            Change c = s.set(t.id(), Field.STATUS, "in progress");
            assertEquals("open", c.oldValue());
            assertEquals("in_progress", c.newValue());
            assertNull(s.set(t.id(), Field.STATUS, "IN_PROGRESS"), "no change, no history entry");
            s.set(t.id(), Field.PRIORITY, "high");
            assertEquals(Status.IN_PROGRESS, s.item(t.id()).status());
            assertEquals(Priority.HIGH, s.item(t.id()).priority());
            List<Change> h = s.history(t.id());
            assertEquals(List.of("created", "status", "priority"), h.stream().map(Change::field).toList());
            assertTrue(h.stream().allMatch(x -> x.who().equals("ana")));

            assertThrows(TrackerException.class, () -> s.set(t.id(), Field.DUE, "31/03/2027"));
            assertThrows(TrackerException.class, () -> s.set(t.id(), Field.STATUS, "finished"));
            assertThrows(TrackerException.class, () -> s.set(t.id(), Field.TITLE, " "));

            s.addNote(t.id(), "Visitor counts from the 2020 survey");
            Evidence e = s.addEvidence(t.id(), Evidence.Type.guess("/data/run1/provenance.json"),
                    "/data/run1/provenance.json", "", "");
            assertEquals(Evidence.Type.RUN, e.type());
            assertEquals("assessment run run1", e.label());
            s.addEvidence(t.id(), Evidence.Type.MAP, "/m/fig.pamap", "NPP map", "70,15,140,55");
            assertThrows(TrackerException.class, () -> s.addEvidence(t.id(), Evidence.Type.MAP, "/m.pamap", "", "1,2,3"));
            assertEquals(1, s.notes(t.id()).size());
            assertEquals(2, s.evidence(t.id()).size());

            Item sub = s.addTask(t.id(), "Collect fuel receipts", Map.of());
            assertEquals(t.id(), sub.parentId());
            assertThrows(TrackerException.class, () -> s.addTask(s.find("K1").id(), "not under an issue", Map.of()));
            assertThrows(TrackerException.class, () -> s.delete(q8.id()), "framework items are not deleted");

            s.delete(t.id());
            assertThrows(TrackerException.class, () -> s.item(t.id()));
            assertThrows(TrackerException.class, () -> s.item(sub.id()), "sub-items go with their parent");
            assertTrue(s.notes(t.id()).isEmpty());
            assertTrue(s.evidence(t.id()).isEmpty());
            assertTrue(s.history(t.id()).isEmpty());
        }
    }

    @Test
    void progressRollsUpFromWorkItems() throws Exception {
        try (TrackerStore s = TrackerStore.open(dir.resolve("t.sqlite"))) {
            Item q6 = s.find("Q6");
            Item a = s.addTask(q6.id(), "a", Map.of(Field.STATUS, "done"));
            s.addTask(q6.id(), "b", Map.of());
            Item c = s.addTask(q6.id(), "c", Map.of());
            s.addTask(c.id(), "c1", Map.of(Field.STATUS, "done"));
            s.addTask(c.id(), "c2", Map.of(Field.STATUS, "done"));
            Map<Long, Double> p = s.progress();
            assertEquals(1.0, p.get(a.id()));
            assertEquals(1.0, p.get(c.id()), "both sub-items done");
            assertEquals(2.0 / 3, p.get(q6.id()), 1e-12);
            // K2 has six questions: Q6 at 2/3, the rest at 0
            assertEquals(2.0 / 3 / 6, p.get(s.find("K2").id()), 1e-12);
            s.set(s.find("Q7").id(), Field.STATUS, "done");
            assertEquals((2.0 / 3 + 1) / 6, s.progress().get(s.find("K2").id()), 1e-12);
        }
    }

    @Test
    void queriesByStatusOwnerTagPaTextAndOverdue() throws Exception {
        try (TrackerStore s = TrackerStore.open(dir.resolve("t.sqlite"))) {
            long q = s.find("Q12").id();
            Item a = s.addTask(q, "Synergy map for Sichuan", Map.of(Field.OWNER, "li", Field.TAGS, "synergy",
                    Field.PAS, "P17", Field.DUE, "2020-01-01"));
            Item b = s.addTask(q, "Species richness layer", Map.of(Field.OWNER, "Ana", Field.STATUS, "blocked"));
            s.addNote(b.id(), "waiting for the IUCN range maps");
            assertEquals(List.of(a.id()), ids(s.query(new Query(Set.of(), "LI", "", "", "", false))));
            assertEquals(List.of(b.id()), ids(s.query(new Query(Set.of(Status.BLOCKED), "", "", "", "", false))));
            assertEquals(List.of(a.id()), ids(s.query(new Query(Set.of(), "", "SYNERGY", "", "", false))));
            assertEquals(List.of(a.id()), ids(s.query(new Query(Set.of(), "", "", "P17", "", false))));
            assertEquals(List.of(b.id()), ids(s.query(new Query(Set.of(), "", "", "", "iucn", false))), "notes are searched");
            assertEquals(List.of(s.find("Q12").id()), ids(s.query(new Query(Set.of(), "", "", "", "协同增效", false))));
            assertEquals(List.of(a.id()), ids(s.query(new Query(Set.of(), "", "", "", "", true))));
            s.set(a.id(), Field.STATUS, "done");
            assertTrue(s.query(new Query(Set.of(), "", "", "", "", true)).isEmpty(), "done is never overdue");
        }
    }

    private static List<Long> ids(List<Item> items) {
        return items.stream().map(Item::id).toList();
    }

    @Test
    void jsonRoundTripIsLossless() throws Exception {
        Path a = dir.resolve("a.sqlite");
        Path ja = dir.resolve("a.json");
        try (TrackerStore s = TrackerStore.open(a)) {
            Item t = s.addTask(s.find("Q3").id(), "NPP by forest age \"class\", 2000-2020",
                    Map.of(Field.DESCRIPTION, "line 1\nline 2, with 逗号", Field.TAGS, "npp,forest", Field.DUE, "2027-06-30"));
            s.addTask(t.id(), "sub", Map.of(Field.STATUS, "blocked"));
            s.set(t.id(), Field.STATUS, "in_progress");
            s.addNote(t.id(), "a note");
            s.addEvidence(t.id(), Evidence.Type.MAP, "/x/fig.pamap", "fig", "1,2,3,4");
            s.set(s.find("Q14").id(), Field.OWNER, "governance team");
            TrackerIO.exportJson(s, ja);
        }
        Path b = dir.resolve("b.sqlite");
        Path jb = dir.resolve("b.json");
        try (TrackerStore s = TrackerStore.open(b)) {
            assertEquals(2, TrackerIO.importJson(s, ja), "two work items added; the framework was there");
            TrackerIO.exportJson(s, jb);
            assertEquals("governance team", s.find("Q14").owner());
        }
        assertEquals(Files.readString(ja), Files.readString(jb));
        // importing again adds nothing and changes nothing
        try (TrackerStore s = TrackerStore.open(b)) {
            assertEquals(0, TrackerIO.importJson(s, ja));
            TrackerIO.exportJson(s, jb);
        }
        assertEquals(Files.readString(ja), Files.readString(jb));
    }

    @Test
    void badImportsNameTheFileAndChangeNothing() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"pacarbon-tracker\", \"version\": 1, \"items\": [{\"uid\": \"x\", \"kind\": \"task\","
                + " \"title\": \"t\", \"status\": \"sleeping\", \"created\": \"2020-01-01T00:00:00Z\", \"modified\": \"2020-01-01T00:00:00Z\"}]}");
        Path notJson = dir.resolve("not.json");
        Files.writeString(notJson, "{ this is not json");
        try (TrackerStore s = TrackerStore.open(dir.resolve("t.sqlite"))) {
            int before = s.items().size();
            TrackerException e = assertThrows(TrackerException.class, () -> TrackerIO.importJson(s, bad));
            assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("sleeping"), e.getMessage());
            e = assertThrows(TrackerException.class, () -> TrackerIO.importJson(s, notJson));
            assertTrue(e.getMessage().contains("not.json") && e.getMessage().contains("not valid JSON"), e.getMessage());
            assertEquals(before, s.items().size());
        }
    }

    @Test
    void csvExportReadsBackAndCsvImportAddsAndUpdatesWorkItems() throws Exception {
        try (TrackerStore s = TrackerStore.open(dir.resolve("t.sqlite"))) {
            Item t = s.addTask(s.find("Q7").id(), "Uptake, \"remote\" sensing", Map.of(Field.OWNER, "王"));
            Path csv = dir.resolve("out.csv");
            TrackerIO.exportCsv(s, csv);
            List<List<String>> rows = TrackerIO.parseCsv(Files.readString(csv, StandardCharsets.UTF_8));
            assertEquals(TrackerIO.CSV_COLUMNS, rows.get(0));
            assertEquals(1 + 1 + 3 + 14 + 1, rows.size());
            List<String> last = rows.stream().filter(r -> r.get(0).equals(t.code())).findFirst().orElseThrow();
            assertEquals(List.of(t.code(), "task", "Q7", "Uptake, \"remote\" sensing"), last.subList(0, 4));
            assertEquals("王", last.get(7));

            Path in = dir.resolve("in.csv");
            Files.writeString(in, "title,parent,status,owner,due\n"
                    + "Soil cores,Q6,in_progress,Chen,2027-01-15\n"
                    + "\"Plan, with comma\",Q11,,,\n", StandardCharsets.UTF_8);
            assertEquals(2, TrackerIO.importCsv(s, in)[0]);
            Item cores = s.query(new Query(Set.of(), "", "", "", "soil cores", false)).get(0);
            assertEquals(Status.IN_PROGRESS, cores.status());
            assertEquals(LocalDate.of(2027, 1, 15), cores.due());

            // an edited export updates the item it names
            Files.writeString(in, "code,title,status\n" + t.code() + ",Uptake monitoring,done\n");
            assertEquals(1, TrackerIO.importCsv(s, in)[1]);
            assertEquals("Uptake monitoring", s.item(t.id()).title());
            assertEquals(Status.DONE, s.item(t.id()).status());

            int before = s.items().size();
            Files.writeString(in, "title,parent,due\nok row,Q1,\nbad row,Q1,someday\n");
            TrackerException e = assertThrows(TrackerException.class, () -> TrackerIO.importCsv(s, in));
            assertTrue(e.getMessage().contains("in.csv line 3") && e.getMessage().contains("someday"), e.getMessage());
            assertEquals(before, s.items().size(), "nothing imported from a file with a bad row");
        }
    }

    @Test
    void markdownReportHasATablePerKeyIssue() throws Exception {
        try (TrackerStore s = TrackerStore.open(dir.resolve("t.sqlite"))) {
            Item t = s.addTask(s.find("Q8").id(), "Inventory | draft", Map.of(Field.OWNER, "Ana"));
            s.addEvidence(t.id(), Evidence.Type.TABLE, "/r/summary.csv", "", "");
            String md = TrackerIO.markdown(s, Locale.ENGLISH);
            assertEquals(3, md.lines().filter(l -> l.startsWith("## K")).count());
            assertTrue(md.contains("| " + t.code() + " | &nbsp;&nbsp;Inventory \\| draft | open | normal | Ana |  | 0 % | summary.csv |"), md);
            String zh = TrackerIO.markdown(s, Locale.SIMPLIFIED_CHINESE);
            assertTrue(zh.contains("## K3 生物多样性保护和碳中和的协同治理"), zh);
        }
    }

    @Test
    void migratesAVersionOneFileKeepingItsData() throws Exception {
        Path f = dir.resolve("old.sqlite");
        try (Connection c = org.sqlite.JDBC.createConnection("jdbc:sqlite:" + f, new java.util.Properties());
                Statement st = c.createStatement()) {
            for (String sql : Schema.statements(Schema.V1)) {
                st.execute(sql);
            }
            st.execute("PRAGMA user_version=1");
            st.execute("INSERT INTO item(uid, parent_id, kind, code, title, status, priority, owner, created, modified) "
                    + "VALUES('old:F', NULL, 'framework', 'OLD', 'Old agenda', 'open', 'normal', '', "
                    + "'2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')");
            st.execute("INSERT INTO item(uid, parent_id, kind, code, title, status, priority, owner, due, created, modified) "
                    + "VALUES('old:Q', 1, 'question', 'Q', 'Old question', 'in_progress', 'high', 'zoe', '2025-05-05', "
                    + "'2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z')");
            st.execute("INSERT INTO note(item_id, at, author, text) VALUES(2, '2024-02-01T00:00:00Z', 'zoe', 'kept')");
        }
        try (TrackerStore s = TrackerStore.open(f)) {
            assertEquals(2, s.schemaVersion());
            Item q = s.find("old:Q");
            assertEquals(Status.IN_PROGRESS, q.status());
            assertEquals("zoe", q.owner());
            assertEquals(List.of(), q.tags());
            assertEquals("kept", s.notes(q.id()).get(0).text());
            s.set(q.id(), Field.TAGS, "migrated");
            assertEquals("tags", s.history(q.id()).get(0).field(), "the new history table works");
            assertEquals(List.of("OLD"), s.frameworks().stream().map(Item::code).toList(),
                    "a tracker with its own agenda is not given the paper's");
        }
        // the backup holds the file as it was before the migration
        try (Connection c = org.sqlite.JDBC.createConnection("jdbc:sqlite:" + TrackerStore.backupPath(f),
                new java.util.Properties()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void evidenceAddedAtAWholeSecondIsListedInTimeOrder() throws Exception {
        // the CI failure of 2026-12-03: "...:29Z" (a whole second, as Instant.toString() wrote it) sorted after
        // "...:29.480Z", so the earlier evidence was listed second
        assertEquals("2020-06-01T08:00:29.000Z", Db.stamp(java.time.Instant.parse("2020-06-01T08:00:29Z")));
        assertEquals("2020-06-01T08:00:29.480Z", Db.stamp(java.time.Instant.parse("2020-06-01T08:00:29.480917Z")));
        Path f = dir.resolve("stamps.sqlite");
        long q;
        try (TrackerStore s = TrackerStore.open(f)) {
            q = s.find("Q8").id();
            // as an earlier version stored them: the first at a whole second, without a fraction
            s.insertEvidence(q, "run", "/runs/a/provenance.json", "first", "", "2020-06-01T08:00:29Z");
            s.insertEvidence(q, "map", "/runs/a/npp.pamap", "second", "", "2020-06-01T08:00:29.480Z");
            s.insertEvidence(q, "url", "https://example.org", "third", "", "2020-06-01T08:00:30Z");
        }
        try (TrackerStore s = TrackerStore.open(f)) {
            assertEquals(List.of("first", "second", "third"), s.evidence(q).stream().map(Evidence::label).toList());
            assertEquals(java.time.Instant.parse("2020-06-01T08:00:29Z"), s.evidence(q).get(0).added());
            // once mended, opening the file writes nothing: a view on another connection sees no change
            long seen = s.dataVersion();
            TrackerStore.open(f).close();
            assertEquals(seen, s.dataVersion());
            // and what this version adds now comes after them
            s.addEvidence(q, Evidence.Type.FILE, "/data/later.tif", "fourth", "");
            assertEquals("fourth", s.evidence(q).get(3).label());
        }
    }

    @Test
    void aDamagedSchemaVersionIsNamedAndTheGoodBackupKept() throws Exception {
        // found by the fuzz long run: a flipped header byte made user_version -67108862 and the migration crashed
        // (IndexOutOfBounds, exit 3); worse, the damaged file would have replaced the last good backup first
        Path f = dir.resolve("t.sqlite");
        try (TrackerStore s = TrackerStore.open(f)) {
            assertTrue(s.items().size() > 0);
        }
        try (TrackerStore s = TrackerStore.open(f)) { // the second open leaves a backup of a good file
            assertTrue(s.items().size() > 0);
        }
        byte[] goodBackup = java.nio.file.Files.readAllBytes(TrackerStore.backupPath(f));
        try (Connection c = org.sqlite.JDBC.createConnection("jdbc:sqlite:" + f, new java.util.Properties());
                Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version=-67108862");
        }
        TrackerException e = org.junit.jupiter.api.Assertions.assertThrows(TrackerException.Damaged.class, () -> TrackerStore.open(f));
        assertTrue(e.getMessage().contains("schema version is -67108862") && e.getMessage().contains("tracker restore"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertArrayEquals(goodBackup, java.nio.file.Files.readAllBytes(TrackerStore.backupPath(f)));
    }

    @Test
    void refusesAFileFromANewerVersion() throws Exception {
        Path f = dir.resolve("new.sqlite");
        try (TrackerStore s = TrackerStore.open(f)) {
            s.connection().createStatement().execute("PRAGMA user_version=99");
        }
        TrackerException e = assertThrows(TrackerException.class, () -> TrackerStore.open(f));
        assertTrue(e.getMessage().contains("new.sqlite") && e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void twoConnectionsWriteConcurrentlyAndSeeEachOther() throws Exception {
        Path f = dir.resolve("shared.sqlite");
        TrackerStore.open(f).close();
        try (TrackerStore a = TrackerStore.open(f); TrackerStore b = TrackerStore.open(f)) {
            long qa = a.find("Q1").id();
            long da = a.dataVersion();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<?>> fs = new ArrayList<>();
            for (TrackerStore s : List.of(a, b)) {
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        Item t = s.addTask(qa, s.file().getFileName() + "-" + System.identityHashCode(s) + "-" + i, Map.of());
                        s.addNote(t.id(), "n" + i);
                    }
                    return null;
                }));
            }
            for (Future<?> x : fs) {
                x.get();
            }
            pool.shutdown();
            assertEquals(80, a.children(qa).size());
            assertEquals(80, b.children(qa).size());
            assertFalse(a.dataVersion() == da, "a sees that b wrote");
            assertEquals("ok", a.integrityCheck());
        }
    }

    @Test
    void aDamagedFileIsReportedAndRestoredFromTheBackupOnlyWhenAsked() throws Exception {
        Path f = dir.resolve("t.sqlite");
        long taskId;
        try (TrackerStore s = TrackerStore.open(f)) {
            taskId = s.addTask(s.find("Q9").id(), "Restore peat bog", Map.of()).id();
        }
        try (TrackerStore s = TrackerStore.open(f)) { // this open backs up the task
            s.set(taskId, Field.OWNER, "after backup");
            s.connection().createStatement().execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        long size = Files.size(f);
        byte[] junk = new byte[(int) size - 200];
        java.util.Arrays.fill(junk, (byte) 0x5A);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(100);
            raf.write(junk);
        }
        byte[] damaged = Files.readAllBytes(f);
        TrackerException.Damaged e = assertThrows(TrackerException.Damaged.class, () -> TrackerStore.open(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("damaged"), e.getMessage());
        assertEquals(TrackerStore.backupPath(f), e.backup());
        assertTrue(java.util.Arrays.equals(damaged, Files.readAllBytes(f)), "the damaged file is left as it was");

        Path aside = TrackerStore.restoreFromBackup(f);
        assertTrue(java.util.Arrays.equals(damaged, Files.readAllBytes(aside)), "the damaged file is kept aside");
        try (TrackerStore s = TrackerStore.open(f)) {
            assertEquals("Restore peat bog", s.item(taskId).title());
            assertEquals("", s.item(taskId).owner(), "the backup is from before the last session's edit");
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsNamedInTheMessage() throws Exception {
        Path f = dir.resolve("notes.sqlite");
        Files.writeString(f, "just some text someone saved here");
        TrackerException.Damaged e = assertThrows(TrackerException.Damaged.class, () -> TrackerStore.open(f));
        assertTrue(e.getMessage().contains("notes.sqlite") && e.getMessage().contains("not an SQLite database"),
                e.getMessage());
        assertNull(e.backup());
        assertThrows(TrackerException.class, () -> TrackerStore.restoreFromBackup(f));
        assertEquals("just some text someone saved here", Files.readString(f));
    }

    @Test
    void contributedFrameworksAreLoadedNextToThePapers() throws Exception {
        List<Frameworks.Contribution> cs = Frameworks.contributed();
        Frameworks.Contribution c = cs.stream().filter(x -> x.file().equals("frameworks/test-agenda.json")).findFirst()
                .orElseThrow();
        assertNotNull(c.framework(), c.problem());
        assertEquals(2, c.framework().questionCount());
        try (TrackerStore s = TrackerStore.open(dir.resolve("t.sqlite"))) {
            assertTrue(Frameworks.loadContributed(s).isEmpty());
            assertEquals(2, s.frameworks().size());
            assertEquals("Blue carbon in mangroves", s.find("test-institute:A2").title());
            assertEquals("研究所议程", s.find("test-institute").titleZh());
            int n = s.items().size();
            Frameworks.loadContributed(s);
            assertEquals(n, s.items().size(), "loading twice adds nothing");
        }
    }

    @Test
    void badFrameworkDefinitionsAreExplained() {
        TrackerException e = assertThrows(TrackerException.class, () -> Framework.read(
                new java.io.ByteArrayInputStream(("{\"id\": \"x\", \"title\": \"t\", \"issues\": [{\"code\": \"K\", \"title\": \"a\","
                        + " \"questions\": [{\"code\": \"K\", \"title\": \"b\"}]}]}").getBytes(StandardCharsets.UTF_8)),
                "mine.json"));
        assertTrue(e.getMessage().contains("mine.json") && e.getMessage().contains("used twice"), e.getMessage());
    }
}
