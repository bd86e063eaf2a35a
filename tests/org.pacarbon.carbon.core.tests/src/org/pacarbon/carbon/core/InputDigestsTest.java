package org.pacarbon.carbon.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provenance's input digests: right (the FIPS 180-2 test vectors of SHA-256), kept on disk for the next run, and
 * computed again when a file is rewritten even with its size and modification time unchanged.
 */
class InputDigestsTest {
    /** SHA-256("abc") and SHA-256("abd") from FIPS 180-2 and a reference tool (sha256sum). */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String ABD = "a52d159f262b2c6ddb724a61840befc36eb30c88877a4030b65cbe86298449c9";

    @TempDir
    Path dir;
    private String before;

    @BeforeEach
    void cacheInTempDir() {
        before = System.getProperty("pacarbon.cache");
        System.setProperty("pacarbon.cache", dir.resolve("cache").toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("pacarbon.cache");
        } else {
            System.setProperty("pacarbon.cache", before);
        }
    }

    @Test
    void digestsAreRightAndKeptOnDisk() throws Exception {
        Path f = Files.writeString(dir.resolve("a.txt"), "abc");
        assertEquals(ABC, InputDigests.sha256(f));
        List<String> lines = Files.readAllLines(dir.resolve("cache/digests.tsv"));
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith(ABC + "\t" + f.toAbsolutePath()), lines.get(0));
    }

    @Test
    void aDigestOnDiskIsUsedWithoutReadingTheFile() throws Exception {
        Path f = Files.writeString(dir.resolve("b.txt"), "abc");
        // what an earlier run would have written (a digest that is not the file's, to see that it is the one used)
        String recorded = "0".repeat(63) + "1";
        Files.createDirectories(dir.resolve("cache"));
        Files.writeString(dir.resolve("cache/digests.tsv"), recorded + "\t" + InputDigests.key(f) + "\n", StandardCharsets.UTF_8);
        assertEquals(recorded, InputDigests.sha256(f));
    }

    @Test
    void aRewrittenFileIsReadAgainEvenWithItsOldSizeAndTime() throws Exception {
        Path f = Files.writeString(dir.resolve("c.txt"), "abc");
        FileTime t = Files.getLastModifiedTime(f);
        assertEquals(ABC, InputDigests.sha256(f));
        Thread.sleep(50); // past the file system's clock granularity
        Files.writeString(f, "abd");
        Files.setLastModifiedTime(f, t);
        assertEquals(ABD, InputDigests.sha256(f));
    }

    @Test
    void aDamagedDigestFileIsIgnored() throws Exception {
        Path f = Files.writeString(dir.resolve("d.txt"), "abd");
        Files.createDirectories(dir.resolve("cache"));
        Files.write(dir.resolve("cache/digests.tsv"), new byte[] {(byte) 0xff, 0, '\t', 'x', '\n', 'z'});
        assertEquals(ABD, InputDigests.sha256(f));
        assertTrue(Files.readString(dir.resolve("cache/digests.tsv")).startsWith(ABD + "\t"));
    }
}
