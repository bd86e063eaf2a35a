package org.pacarbon.tracker.core;

import org.eclipse.jdt.annotation.Nullable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What "Open evidence" may hand to the desktop (which runs whatever program a file or link names): evidence can come
 * from a JSON file someone else wrote, so links are opened only when they are http(s) and after the user has seen the
 * target, and files go to a desktop program only when they exist inside the workspace or the tracker file's folder.
 * The project's own viewers (tables, text, maps, runs) may show any existing file.
 */
public final class EvidencePolicy {
    private EvidencePolicy() {
    }

    /** The decision for one target. */
    public enum Decision {
        /** Opened as it is. */
        ALLOW,
        /** Opened after the user confirms, seeing the target. */
        CONFIRM,
        /** Not opened; the reason says why. */
        REFUSE
    }

    /** A decision with its reason (for the message). */
    public record Verdict(Decision decision, @Nullable String reason) {
    }

    /** A link: http(s) after confirmation; other schemes (file:, javascript:, custom handlers) refused. */
    public static Verdict link(String target) {
        try {
            URI u = new URI(target.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && !u.getHost().isBlank()) {
                return new Verdict(Decision.CONFIRM, "open " + u + " in the web browser?");
            }
            return new Verdict(Decision.REFUSE, "only http and https links are opened, not '" + (scheme.isEmpty() ? target : scheme + ":") + "'");
        } catch (java.net.URISyntaxException e) {
            return new Verdict(Decision.REFUSE, "'" + target + "' is not a valid link");
        }
    }

    /** A file for a desktop program: it must exist inside one of the allowed folders. */
    public static Verdict desktopFile(Path file, List<Path> allowedRoots) {
        Path f;
        try {
            f = file.toRealPath();
        } catch (java.io.IOException e) {
            return new Verdict(Decision.REFUSE, file + " does not exist");
        }
        if (!Files.isRegularFile(f)) {
            return new Verdict(Decision.REFUSE, f + " is not a file");
        }
        for (Path root : allowedRoots) {
            try {
                if (root != null && f.startsWith(root.toRealPath())) {
                    return new Verdict(Decision.ALLOW, null);
                }
            } catch (java.io.IOException e) {
                // a root that does not exist allows nothing
            }
        }
        return new Verdict(Decision.REFUSE, f + " is outside the workspace and the tracker's folder, so it is not handed to a"
                + " desktop program; open it yourself if you trust it");
    }
}
