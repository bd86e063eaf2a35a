package org.pacarbon.tracker.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.FileLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * A child JVM writes work items, notes and status changes as fast as it can and is killed with SIGKILL at a
 * random moment, again and again ({@code -Dpacarbon.crash.kills}, 100 by default). After each kill, every item
 * the child reported as committed must be in the file and the file must pass {@code PRAGMA integrity_check}.
 */
class CrashTest {
    @TempDir
    Path dir;

    /** The child: {@code CrashTest$Writer FILE FIRST_NUMBER}; prints "ok N" after each committed item. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            try (TrackerStore s = TrackerStore.open(Path.of(args[0]))) {
                long q = s.find("Q8").id();
                System.out.println("open");
                System.out.flush();
                for (long n = Long.parseLong(args[1]);; n++) {
                    Item t = s.addTask(q, "crash-" + n, Map.of(Field.OWNER, "child", Field.TAGS, "crash"));
                    System.out.println("ok " + n);
                    System.out.flush();
                    s.addNote(t.id(), "note of " + n);
                    s.set(t.id(), Field.STATUS, n % 2 == 0 ? "done" : "in_progress");
                }
            }
        }
    }

    @Test
    void everyCommittedItemSurvivesSigkill() throws Exception {
        int kills = Integer.getInteger("pacarbon.crash.kills", 100);
        Path db = dir.resolve("crash.sqlite");
        String classpath = classpath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Random random = new Random(42);
        Set<String> committed = new LinkedHashSet<>();
        long next = 0;
        int inFile = 0;
        for (int k = 0; k < kills; k++) {
            Process p = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classpath,
                    Writer.class.getName(), db.toString(), Long.toString(next))
                    .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("child.err").toFile())).start();
            ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null;) {
                        lines.add(l);
                    }
                } catch (java.io.IOException e) {
                    // the child died: the lines read so far are what it reported
                }
            });
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines.stream().noneMatch(l -> l.startsWith("ok")) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            if (!p.isAlive()) {
                fail("the writer died by itself: " + Files.readString(dir.resolve("child.err")));
            }
            Thread.sleep(random.nextInt(120));
            p.destroyForcibly(); // SIGKILL
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, p.exitValue(), "killed by SIGKILL");
            reader.join(10000);
            for (String l : lines) {
                if (l.startsWith("ok ")) {
                    committed.add("crash-" + l.substring(3));
                    next = Math.max(next, Long.parseLong(l.substring(3)) + 1);
                }
            }
            next += 1000; // items committed but not reported keep their numbers
            try (TrackerStore s = TrackerStore.open(db)) {
                assertEquals("ok", s.integrityCheck(), "after kill " + (k + 1));
                Set<String> titles = new HashSet<>();
                for (Item i : s.items()) {
                    titles.add(i.title());
                }
                for (String c : committed) {
                    if (!titles.contains(c)) {
                        fail("after kill " + (k + 1) + ", committed item " + c + " is missing");
                    }
                }
                inFile = (int) titles.stream().filter(t -> t.startsWith("crash-")).count();
            }
        }
        assertTrue(committed.size() >= kills, "each run committed at least one item");
        System.out.println("CrashTest: " + kills + " SIGKILLs, " + committed.size()
                + " reported items all present (" + inFile + " in the file), integrity_check ok after each kill");
    }

    /** Class path of the child: this fragment and its host, sqlite-jdbc and Jackson. */
    private static String classpath() throws Exception {
        Bundle host = FrameworkUtil.getBundle(TrackerStore.class);
        Bundle fragment = null;
        for (Bundle b : host.getBundleContext().getBundles()) {
            if (b.getSymbolicName().equals("org.pacarbon.tracker.core.tests")) {
                fragment = b;
            }
        }
        List<String> cp = new ArrayList<>();
        cp.add(location(host, TrackerStore.class));
        cp.add(location(fragment, Writer.class));
        for (Class<?> c : new Class<?>[] {org.sqlite.JDBC.class, org.pacarbon.gis.core.io.SqliteNative.class,
                com.fasterxml.jackson.databind.ObjectMapper.class,
                com.fasterxml.jackson.core.JsonParser.class, com.fasterxml.jackson.annotation.JsonAutoDetect.class}) {
            cp.add(location(FrameworkUtil.getBundle(c), c));
        }
        return String.join(File.pathSeparator, cp);
    }

    /** The jar of a bundle, or the folder its classes are in when it runs from a workspace or reactor folder. */
    private static String location(Bundle b, Class<?> c) throws Exception {
        File f = FileLocator.getBundleFileLocation(b).orElseThrow();
        if (f.isDirectory()) {
            String resource = c.getName().replace('.', '/') + ".class";
            File found = null;
            for (String sub : List.of("", "bin", "target/classes", "target/test-classes")) {
                File d = sub.isEmpty() ? f : new File(f, sub);
                if (new File(d, resource).isFile()) {
                    found = d;
                    break;
                }
            }
            assertTrue(found != null, c + " not found under " + f);
            f = found;
        }
        return f.getAbsolutePath();
    }
}
