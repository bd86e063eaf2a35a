package org.pacarbon.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Compares the CSV outputs of two runs: the same rows and texts, numbers within a relative tolerance. */
final class Outputs {
    private Outputs() {
    }

    /** @return how many numbers were compared */
    static int assertSameNumbers(Path expected, Path actual, double relative) throws IOException {
        List<String> a = Files.readAllLines(expected, StandardCharsets.UTF_8);
        List<String> b = Files.readAllLines(actual, StandardCharsets.UTF_8);
        assertEquals(a.size(), b.size(), "rows of " + actual.getFileName());
        int numbers = 0;
        for (int i = 0; i < a.size(); i++) {
            String[] x = a.get(i).split(",", -1), y = b.get(i).split(",", -1);
            assertEquals(x.length, y.length, actual.getFileName() + " line " + (i + 1));
            for (int j = 0; j < x.length; j++) {
                Double u = number(x[j]), v = number(y[j]);
                if (u == null || v == null) {
                    assertEquals(x[j], y[j], actual.getFileName() + " line " + (i + 1) + " column " + (j + 1));
                    continue;
                }
                numbers++;
                if (u.isNaN() || v.isNaN()) {
                    assertEquals(u.isNaN(), v.isNaN(), actual.getFileName() + " line " + (i + 1));
                    continue;
                }
                double scale = Math.max(Math.abs(u), Math.abs(v));
                if (Math.abs(u - v) > relative * scale) {
                    fail(actual.getFileName() + " line " + (i + 1) + " column " + (j + 1) + ": " + x[j] + " vs " + y[j]);
                }
            }
        }
        assertTrue(numbers > 0, "no number in " + actual);
        return numbers;
    }

    private static Double number(String s) {
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
