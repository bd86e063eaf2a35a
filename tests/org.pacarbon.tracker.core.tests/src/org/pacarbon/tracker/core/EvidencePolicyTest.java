package org.pacarbon.tracker.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evidence from someone else's JSON never makes the desktop run arbitrary targets. */
class EvidencePolicyTest {
    @TempDir
    Path dir;

    @Test
    void linksAreHttpOnlyAndConfirmed() {
        assertEquals(EvidencePolicy.Decision.CONFIRM, EvidencePolicy.link("https://www.protectedplanet.net/en").decision());
        assertEquals(EvidencePolicy.Decision.CONFIRM, EvidencePolicy.link("http://example.org/a?b=c").decision());
        for (String bad : List.of("file:///etc/passwd", "javascript:alert(1)", "smb://host/share", "x-custom:run", "/bin/sh", "http:/nohost",
                "not a link")) {
            assertEquals(EvidencePolicy.Decision.REFUSE, EvidencePolicy.link(bad).decision(), bad);
        }
    }

    @Test
    void desktopFilesOnlyInsideTheAllowedFolders() throws Exception {
        Path ws = Files.createDirectories(dir.resolve("workspace"));
        Path inside = Files.writeString(ws.resolve("report.pdf"), "%PDF");
        Path outside = Files.writeString(dir.resolve("elsewhere.sh"), "#!/bin/sh");
        assertEquals(EvidencePolicy.Decision.ALLOW, EvidencePolicy.desktopFile(inside, List.of(ws)).decision());
        assertEquals(EvidencePolicy.Decision.REFUSE, EvidencePolicy.desktopFile(outside, List.of(ws)).decision());
        assertEquals(EvidencePolicy.Decision.REFUSE, EvidencePolicy.desktopFile(ws.resolve("gone.pdf"), List.of(ws)).decision());
        // a path that climbs out of the workspace is judged where it really is
        assertEquals(EvidencePolicy.Decision.REFUSE, EvidencePolicy.desktopFile(ws.resolve("../elsewhere.sh"), List.of(ws)).decision());
    }
}
