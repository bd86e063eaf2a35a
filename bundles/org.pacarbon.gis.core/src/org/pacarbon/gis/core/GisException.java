package org.pacarbon.gis.core;

import java.nio.file.Path;

/**
 * A file that cannot be used, with one clear message: which file, what is wrong, what was expected.
 * Checked, so every caller decides how to tell its user.
 */
public final class GisException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final String problem;
    private final String expected;

    /** Creates the exception for {@code file} (may be {@code null} when no file is involved). */
    public GisException(Path file, String problem, String expected) {
        this(file, problem, expected, null);
    }

    /** Creates the exception with its cause. */
    public GisException(Path file, String problem, String expected, Throwable cause) {
        super((file != null ? file + ": " : "") + problem + (expected != null ? " (expected " + expected + ")" : ""), cause);
        this.file = file;
        this.problem = problem;
        this.expected = expected;
    }

    /** @return the file concerned, or {@code null} */
    public Path file() {
        return file;
    }

    /** @return what is wrong */
    public String problem() {
        return problem;
    }

    /** @return what was expected, or {@code null} */
    public String expected() {
        return expected;
    }
}
