package org.pacarbon.cli.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.cli.fuzz.Fuzz;

/**
 * The fixed-seed part of the fuzz suite (the long run is bench/fuzz.sh): malformed variants of every input family go
 * through the real commands; each must succeed or end with one clear line naming the file, in time, with every input
 * unchanged.
 */
class FuzzTest {
    @TempDir
    Path work;

    @Test
    void everyFamilySucceedsOrSaysWhichFileIsWrong() throws Exception {
        Fuzz fz = new Fuzz(work, 30_000);
        List<String> failures = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        try {
            for (String family : Fuzz.FAMILIES) {
                List<Fuzz.Case> cases = fz.run(family, 16, 20261202L);
                report.append(Fuzz.summary(family, cases, Enum::name)).append('\n');
                for (Fuzz.Case c : cases) {
                    if (Fuzz.failure(c.outcome())) {
                        failures.add(family + " seed " + c.seed() + " " + c.outcome() + " exit " + c.code() + ": " + c.err());
                    }
                }
            }
        } finally {
            fz.close();
        }
        System.out.println(report);
        assertTrue(failures.isEmpty(), failures.size() + " failing cases:\n" + String.join("\n", failures));
    }
}
