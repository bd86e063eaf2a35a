package org.pacarbon.gis.core;

import java.nio.file.Path;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A file that cannot be used, with one clear message: which file, what is wrong, what was expected.
 * Checked, so every caller decides how to tell its user.
 */
public final class GisException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient @Nullable Path file;
    private final String problem;
    private final @Nullable String expected;

    /** Creates the exception for {@code file} (may be {@code null} when no file is involved). */
    public GisException(@Nullable Path file, String problem, @Nullable String expected) {
        this(file, problem, expected, null);
    }

    /** Creates the exception with its cause. */
    public GisException(@Nullable Path file, String problem, @Nullable String expected, @Nullable Throwable cause) {
        super((file != null ? file + ": " : "") + problem + (expected != null ? " (expected " + expected + ")" : ""), cause);
        this.file = file;
        this.problem = problem;
        this.expected = expected;
    }

    /**
     * One plain sentence for an I/O failure, naming the file: "x/out: already exists", "a.tif: permission denied",
     * "b.dbf: the file ends early"; never a Java class name.
     */
    public static String describe(java.io.IOException e) {
        String file = e instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile() : null;
        String other = e instanceof java.nio.file.FileSystemException f && f.getOtherFile() != null ? " -> " + f.getOtherFile() : "";
        String what;
        if (e instanceof java.nio.file.NoSuchFileException) {
            what = "not found";
        } else if (e instanceof java.nio.file.FileAlreadyExistsException) {
            what = "already exists";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            what = "permission denied";
        } else if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            what = "is a folder that is not empty";
        } else if (e instanceof java.nio.file.NotDirectoryException) {
            what = "is not a folder";
        } else if (e instanceof java.io.EOFException) {
            what = "the file ends early (it is cut short)";
        } else if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            what = f.getReason();
        } else {
            what = e.getMessage() != null ? e.getMessage() : "input/output error";
        }
        return (file != null ? file + other + ": " : "") + what;
    }

    /**
     * The messages of an exception and its causes as plain text, without Java class names (libraries often write
     * "org.apache.sis.storage.DataStoreException: Cannot read x" into their messages).
     */
    public static String plain(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 400; t = t.getCause() == t ? null : t.getCause()) {
            String m = t instanceof java.io.IOException && !(t instanceof java.io.EOFException) && t.getMessage() == null ? null
                    : t instanceof java.io.EOFException ? "the file ends early (it is cut short)" : t.getMessage();
            if (m == null || m.isBlank()) {
                continue;
            }
            m = m.replaceAll("(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)(?::\\s*)?", "").strip();
            if (!m.isEmpty() && b.indexOf(m) < 0) {
                b.append(b.length() > 0 ? ": " : "").append(m);
            }
        }
        return b.length() > 0 ? b.toString() : "it cannot be read";
    }

    /** @return the file concerned, or {@code null} */
    public @Nullable Path file() {
        return file;
    }

    /** @return what is wrong */
    public String problem() {
        return problem;
    }

    /** @return what was expected, or {@code null} */
    public @Nullable String expected() {
        return expected;
    }
}
