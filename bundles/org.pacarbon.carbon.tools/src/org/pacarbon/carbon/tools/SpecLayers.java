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
}
