package org.pacarbon.carbon.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The SHA-256 of the input files named in the provenance. A file is read once per version: the digest is kept for the
 * process and in {@code digests.tsv} in the user's cache folder ({@code -Dpacarbon.cache=DIR} moves it), keyed by the
 * file's path, size, modification time and, where the file system has them, its change time and inode. Writing a file
 * changes its change time (which, unlike the modification time, no tool can set back), so a changed file is read
 * again; a run on the same inputs reuses the digests (a 500 MB raster: 0.7-0.8 s of one core).
 */
public final class InputDigests {
    /** At most this many files are remembered on disk (the most recent). */
    private static final int KEPT = 2000;
    /** A task per file version; it runs once, whichever thread asks first. */
    private static final Map<String, FutureTask<String>> TASKS = new ConcurrentHashMap<>();
    /** The digests read from {@link #storedFrom} (the file can move with {@code pacarbon.cache}). */
    private static @Nullable Map<String, String> stored;
    private static @Nullable Path storedFrom;

    private InputDigests() {
    }

    /** The SHA-256 of a file as 64 hex digits. */
    public static String sha256(Path f) throws IOException {
        String key = key(f);
        FutureTask<String> task = TASKS.computeIfAbsent(key, k -> new FutureTask<>(() -> {
            String known = recorded(key);
            if (known != null) {
                return known;
            }
            String d = digest(f);
            remember(key, d);
            return d;
        }));
        task.run(); // nothing when another thread runs or ran it
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while computing the SHA-256 of " + f);
        } catch (ExecutionException e) {
            TASKS.remove(key, task); // asked again, it is tried again
            Throwable c = e.getCause();
            throw c instanceof IOException io ? io : new IOException(f + ": " + c, c);
        }
    }

    /**
     * Computes the digests of {@code files} on a background thread of low priority (for a provenance written later).
     * Files that are missing or cannot be read are skipped: the provenance's own call reports them.
     */
    public static void inBackground(List<Path> files) {
        List<Path> copy = List.copyOf(files);
        Thread t = new Thread(() -> {
            for (Path f : copy) {
                try {
                    if (Files.isRegularFile(f)) {
                        sha256(f);
                    }
                } catch (IOException | RuntimeException e) {
                    // reported where the digest is used
                }
            }
        }, "input-digests");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** The file's version: absolute path, size, modification time, and change time and inode where known. */
    static String key(Path f) throws IOException {
        Path p = f.toAbsolutePath().normalize();
        StringBuilder b = new StringBuilder(p.toString()).append('|').append(Files.size(p)).append('|')
                .append(Files.getLastModifiedTime(p).to(TimeUnit.NANOSECONDS));
        try {
            Map<String, Object> unix = Files.readAttributes(p, "unix:ctime,ino");
            if (unix.get("ctime") instanceof FileTime c) {
                b.append('|').append(c.to(TimeUnit.NANOSECONDS));
            }
            b.append('|').append(unix.get("ino"));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            b.append("|-"); // no change time here: path, size and modification time only
        }
        return b.toString().replace('\t', ' ').replace('\n', ' ');
    }

    private static Path file() {
        String dir = System.getProperty("pacarbon.cache");
        return (dir != null && !dir.isBlank() ? Path.of(dir) : org.pacarbon.gis.core.io.UserCache.root()).resolve("digests.tsv");
    }

    /** The digests on disk: key -> digest, oldest first (read once per process; an unreadable file counts as empty). */
    private static synchronized Map<String, String> stored() {
        Map<String, String> s = stored;
        Path f = file();
        if (s == null || !f.equals(storedFrom)) {
            s = new LinkedHashMap<>();
            try {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (tab == 64 && line.chars().limit(64).allMatch(c -> Character.digit(c, 16) >= 0)) {
                        s.put(line.substring(tab + 1), line.substring(0, tab));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // none yet, or not readable: digests are computed
            }
            stored = s;
            storedFrom = f;
        }
        return s;
    }

    /**
     * Adds a digest to the file on disk: the file is read again (another process may have added some), the entry put
     * last, the oldest dropped beyond {@link #KEPT}, and the whole written to a temporary file moved over the old one.
     * Failures are ignored: the digest is then computed again by a later run.
     */
    /** The digest on disk for a file version, or null (under the lock: {@link #remember} changes the map). */
    private static synchronized @Nullable String recorded(String key) {
        return stored().get(key);
    }

    private static synchronized void remember(String key, String digest) {
        Path f = file();
        try {
            Files.createDirectories(f.getParent());
            stored = null; // what other processes wrote meanwhile
            Map<String, String> all = stored();
            all.remove(key);
            all.put(key, digest);
            List<String> lines = new ArrayList<>();
            int skip = Math.max(0, all.size() - KEPT);
            for (Map.Entry<String, String> e : all.entrySet()) {
                if (skip-- <= 0) {
                    lines.add(e.getValue() + "\t" + e.getKey());
                }
            }
            Path tmp = Files.createTempFile(f.getParent(), "digests", ".tmp");
            try {
                Files.write(tmp, lines, StandardCharsets.UTF_8);
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // the digest is still right for this run
        }
    }

    private static String digest(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
