package org.pacarbon.carbon.tools;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.pacarbon.carbon.core.AssessmentSpec;
import org.pacarbon.toolbox.core.ToolException;

/** A spec cut down to one layer (all its years) and the layers it sums, so that a tool assesses only that. */
final class SpecLayers {
    private SpecLayers() {
    }

    static AssessmentSpec only(AssessmentSpec spec, String key) throws ToolException {
        List<AssessmentSpec.Layer> layers = spec.layers().stream().filter(l -> l.key().equals(key)).toList();
        if (layers.isEmpty()) {
            throw new ToolException(spec.file() + " has no layer '" + key + "' (layers: " + String.join(", ",
                    spec.layers().stream().map(AssessmentSpec.Layer::key).distinct().toList()) + ")");
        }
        Set<String> needed = new HashSet<>();
        needed.add(key);
        layers.forEach(l -> {
            if (l.sum() != null) {
                needed.addAll(l.sum());
            }
        });
        return new AssessmentSpec(spec.file(), spec.title(), spec.region(), spec.protectedAreas(), spec.grid(),
                spec.layers().stream().filter(l -> needed.contains(l.key())).toList(), spec.json());
    }

    /** Sen's slope: the median of the slopes between every pair of points (NaN with fewer than 2 points). */
    static double sen(double[] x, double[] y, int n) {
        if (n < 2) {
            return Double.NaN;
        }
        double[] s = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (x[j] != x[i]) {
                    s[k++] = (y[j] - y[i]) / (x[j] - x[i]);
                }
            }
        }
        if (k == 0) {
            return Double.NaN;
        }
        java.util.Arrays.sort(s, 0, k);
        return k % 2 == 1 ? s[k / 2] : (s[k / 2 - 1] + s[k / 2]) / 2;
    }
}
