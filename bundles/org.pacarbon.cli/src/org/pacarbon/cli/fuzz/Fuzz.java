package org.pacarbon.cli.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.pacarbon.cli.Commands;

/**
 * The malformed-input fuzzer: per family of inputs (GeoTIFF, netCDF classic and netCDF-4, Shapefile .shp/.dbf/.prj,
 * GeoPackage, GeoJSON, the spec, the output path, tracker files), a valid base case ({@link FuzzData}) is mutated
 * (flipped bytes, cut short, zeroed or huge fields, values of the wrong type, ...) and run through the real command.
 * A case passes when it succeeds, or exits 1 or 2 with one line on stderr that names a file and carries no Java class
 * name, within the time limit, without changing any input. Anything else is a failure and is kept for replay.
 */
public final class Fuzz {
    /** The families, in the order they are run. */
    public static final List<String> FAMILIES = List.of("geotiff", "netcdf3", "netcdf4", "shp", "dbf", "prj", "gpkg", "geojson",
            "spec", "out", "tracker");

    /** The outcome of one case. */
    public enum Outcome {
        OK, CLEAR_ERROR, UNCLEAR_MESSAGE, CRASH, HANG, INPUT_CHANGED
    }

    /** One case's record. */
    public record Case(String family, long seed, Outcome outcome, int code, String err) {
    }

    private final Path work;
    private final long timeoutMs;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-case");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param work       a scratch folder (cases are built in sub-folders and removed when they pass)
     * @param timeoutMs  time limit per case
     */
    public Fuzz(Path work, long timeoutMs) {
        this.work = work;
        this.timeoutMs = timeoutMs;
    }

    /** Runs {@code cases} cases of a family from {@code seed}; returns them all (failures keep their folder). */
    public List<Case> run(String family, int cases, long seed) throws IOException {
        List<Case> out = new ArrayList<>();
        Random master = new Random(seed ^ family.hashCode());
        for (int i = 0; i < cases; i++) {
            long s = master.nextLong();
            out.add(one(family, s));
        }
        return out;
    }

    /** Counts by outcome. */
    public static Map<Outcome, Integer> count(List<Case> cases) {
        Map<Outcome, Integer> m = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            m.put(o, 0);
        }
        cases.forEach(c -> m.merge(c.outcome(), 1, Integer::sum));
        return m;
    }

    /** @return whether an outcome is a failure of the product */
    public static boolean failure(Outcome o) {
        return o != Outcome.OK && o != Outcome.CLEAR_ERROR;
    }

    /** Builds, mutates and runs one case. */
    public Case one(String family, long seed) throws IOException {
        Random rnd = new Random(seed);
        Path dir = work.resolve(family + "-" + Long.toHexString(seed));
        deleteTree(dir);
        Files.createDirectories(dir);
        FuzzData.Base base = FuzzData.write(dir, family.equals("tracker"));
        List<String> args = Mutations.apply(family, base, rnd);
        Map<Path, String> before = hashes(dir);
        Path out = dir.resolve("out");
        if (Files.exists(out)) {
            before.remove(out);
        }
        ByteArrayOutputStream so = new ByteArrayOutputStream();
        ByteArrayOutputStream se = new ByteArrayOutputStream();
        Future<Integer> f = pool.submit(() -> new Commands(new PrintStream(so, true, StandardCharsets.UTF_8),
                new PrintStream(se, true, StandardCharsets.UTF_8)).run(args.toArray(new String[0])));
        int code;
        Outcome o;
        try {
            code = f.get(timeoutMs, TimeUnit.MILLISECONDS);
            String err = se.toString(StandardCharsets.UTF_8).stripTrailing();
            o = classify(code, err, base);
        } catch (TimeoutException e) {
            f.cancel(true);
            code = -1;
            o = Outcome.HANG;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            code = -2;
            o = Outcome.CRASH;
            se.writeBytes(String.valueOf(e.getCause()).getBytes(StandardCharsets.UTF_8));
        }
        if (o != Outcome.HANG) {
            Map<Path, String> after = hashes(dir);
            for (Map.Entry<Path, String> e : before.entrySet()) {
                if (!e.getKey().startsWith(out) && !isTrackerSidecar(e.getKey()) && !e.getValue().equals(after.get(e.getKey()))
                        && !base.mayChange().contains(e.getKey())) {
                    o = Outcome.INPUT_CHANGED;
                    se.writeBytes(("\n[fuzz] changed: " + e.getKey()).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        Case c = new Case(family, seed, o, code, se.toString(StandardCharsets.UTF_8).stripTrailing());
        if (!failure(o)) {
            deleteTree(dir);
        } else {
            Files.writeString(dir.resolve("fuzz-case.txt"), "family " + family + "\nseed " + seed + "\noutcome " + o + "\nexit " + code
                    + "\nargs " + args + "\nstderr:\n" + c.err() + "\n");
        }
        return c;
    }

    private static boolean isTrackerSidecar(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith("-wal") || n.endsWith("-shm") || n.endsWith(".bak") || n.contains(".backup") || n.endsWith("-journal");
    }

    /** A clear error is exit 1 or 2 with exactly one line that names an input file or the spec, without Java text. */
    static Outcome classify(int code, String err, FuzzData.Base base) {
        if (code == 0) {
            return Outcome.OK;
        }
        if (code != 1 && code != 2) {
            return Outcome.CRASH;
        }
        // progress lines ("  layer ...: 8 zones in 0.1 s") are indented; the error is the one line that is not
        List<String> lines = err.lines().filter(l -> !l.startsWith("  ") && !l.isBlank()).toList();
        if (lines.size() != 1) {
            return Outcome.UNCLEAR_MESSAGE;
        }
        err = lines.get(0);
        if (err.matches("(?s).*(Exception|Error:|\\bat org\\.|\\bat java\\.|java\\.lang\\.|java\\.io\\.|java\\.nio\\.|org\\.apache\\.).*")) {
            return Outcome.UNCLEAR_MESSAGE;
        }
        boolean named = base.names().stream().anyMatch(err::contains) || err.contains("--") || err.matches(".*\\S*/\\S+: .*");
        return named ? Outcome.CLEAR_ERROR : Outcome.UNCLEAR_MESSAGE;
    }

    private static Map<Path, String> hashes(Path dir) throws IOException {
        Map<Path, String> m = new LinkedHashMap<>();
        try (var s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    m.put(p, sha(p));
                }
            }
        }
        return m;
    }

    private static String sha(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            List<Path> all = s.sorted(java.util.Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Stops the worker threads. */
    public void close() {
        pool.shutdownNow();
    }

    /** For reports: "geotiff: 1000 cases, 0 crashes, ..." */
    public static String summary(String family, List<Case> cases, Function<Outcome, String> label) {
        Map<Outcome, Integer> m = count(cases);
        StringBuilder b = new StringBuilder(family + ": " + cases.size() + " cases");
        m.forEach((k, v) -> b.append(", ").append(v).append(' ').append(label.apply(k)));
        return b.toString();
    }
}
