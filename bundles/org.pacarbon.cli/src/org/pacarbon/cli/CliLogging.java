package org.pacarbon.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Where library logging (Apache SIS, jHDF, the readers' notes) goes in headless commands: to
 * {@code ~/.pacarbon/logs/pacarbon-cli.log}, so that stderr carries only the command's own lines (one line per error);
 * with {@code --verbose}, to stderr as well.
 */
public final class CliLogging {
    private CliLogging() {
    }

    /** Sends library logging to the log file (and to stderr with {@code verbose}). */
    public static void configure(boolean verbose) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            if (!verbose) {
                root.removeHandler(h);
            }
        }
        if (verbose) {
            root.setLevel(Level.INFO);
            return;
        }
        try {
            Path dir = Path.of(System.getProperty("user.home"), ".pacarbon", "logs");
            Files.createDirectories(dir);
            FileHandler f = new FileHandler(dir.resolve("pacarbon-cli.log").toString(), 5 << 20, 2, true);
            f.setFormatter(new SimpleFormatter());
            f.setLevel(Level.INFO);
            root.addHandler(f);
        } catch (IOException | RuntimeException e) {
            root.setLevel(Level.OFF); // no log file: keep stderr clean anyway
        }
    }
}
