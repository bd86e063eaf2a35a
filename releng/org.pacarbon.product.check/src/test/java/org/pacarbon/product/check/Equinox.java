package org.pacarbon.product.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** An Eclipse installation on disk that the checks start with its own launcher jar, as a user or an admin would. */
record Equinox(Path home, Path logs) {

    /** Runs the installation's launcher with {@code args}; returns its output, failing on a non-zero exit or a timeout. */
    String run(int seconds, String... args) throws IOException, InterruptedException {
        return run(0, seconds, args);
    }

    /** As {@link #run(int, String...)}, expecting exit code {@code exit}. */
    String run(int exit, int seconds, String... args) throws IOException, InterruptedException {
        Path launcher;
        try (Stream<Path> s = Files.list(home.resolve("plugins"))) {
            launcher = s.filter(p -> p.getFileName().toString().matches("org\\.eclipse\\.equinox\\.launcher_[^/]*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no launcher jar in " + home));
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Djava.awt.headless=true", "-jar", launcher.toString(), "-nosplash", "-consoleLog", "-data", "@none"));
        cmd.addAll(List.of(args));
        Files.createDirectories(logs);
        Path log = Files.createTempFile(logs, "run", ".log");
        Process p = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", args) + ": no end within " + seconds + " s\n" + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(exit, p.exitValue(), String.join(" ", args) + " exit code:\n" + out);
        return out;
    }

    /** File names in the installation's plugins folder, sorted. */
    List<String> plugins() throws IOException {
        try (Stream<Path> s = Files.list(home.resolve("plugins"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A copy of the folder {@code from} at {@code to}, with file times (p2 and the launcher look at them). */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
