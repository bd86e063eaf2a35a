package org.pacarbon.map.core;

import java.awt.Color;
import java.util.List;
import java.util.Map;

/**
 * A continuous colour ramp through evenly spaced stops. The presets are perceptually ordered ramps suited to
 * the quantities of the product: {@code carbon} (yellow-green), {@code npp} (yellow-green-blue),
 * {@code emissions} (a magma-like ramp, usually on a log scale), {@code viridis} and {@code greys}.
 */
public record ColorRamp(String name, List<Color> stops) {

    private static final Map<String, String[]> PRESETS = Map.of(
            "carbon", new String[] {"#ffffe5", "#f7fcb9", "#d9f0a3", "#addd8e", "#78c679", "#41ab5d", "#238443", "#006837", "#004529"},
            "npp", new String[] {"#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58"},
            "emissions", new String[] {"#000004", "#1c1044", "#4f127b", "#812581", "#b5367a", "#e55064", "#fb8761", "#fec287", "#fcfdbf"},
            "viridis", new String[] {"#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725"},
            "greys", new String[] {"#ffffff", "#000000"},
            // diverging (ColorBrewer BrBG): losses brown, no change white, gains teal
            "change", new String[] {"#8c510a", "#bf812d", "#dfc27d", "#f6e8c3", "#f5f5f5", "#c7eae5", "#80cdc1", "#35978f", "#01665e"});

    /** A preset ramp by name. */
    /** Names of the preset ramps, sorted. */
    public static java.util.List<String> presets() {
        return new java.util.ArrayList<>(new java.util.TreeSet<>(PRESETS.keySet()));
    }

    public static ColorRamp preset(String name) {
        String[] hex = PRESETS.get(name);
        if (hex == null) {
            throw new IllegalArgumentException("unknown colour ramp '" + name + "' (known: " + new java.util.TreeSet<>(PRESETS.keySet()) + ")");
        }
        return new ColorRamp(name, java.util.Arrays.stream(hex).map(Color::decode).toList());
    }

    /** The colour at {@code t} in [0, 1] (clamped), interpolated linearly between stops. */
    public Color at(double t) {
        if (Double.isNaN(t)) {
            return stops.get(0);
        }
        double x = Math.max(0, Math.min(1, t)) * (stops.size() - 1);
        int i = (int) Math.min(stops.size() - 2, Math.floor(x));
        double f = x - i;
        Color a = stops.get(i), b = stops.get(i + 1);
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
}
