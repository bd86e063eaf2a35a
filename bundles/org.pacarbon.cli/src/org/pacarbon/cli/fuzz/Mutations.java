package org.pacarbon.cli.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The mutations of each fuzz family, applied to a base case; returns the command line that runs the case. */
final class Mutations {
    private Mutations() {
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    static List<String> apply(String family, FuzzData.Base b, Random rnd) throws IOException {
        Path out = b.dir().resolve("out");
        List<String> assess = new ArrayList<>(List.of("assess", b.file("spec").toString(), "--out", out.toString()));
        switch (family) {
            case "geotiff" -> bytes(b.file("tif"), rnd);
            case "netcdf3" -> bytes(b.file("nc3"), rnd);
            case "netcdf4" -> bytes(b.file("nc4"), rnd);
            case "shp" -> bytes(rnd.nextInt(4) == 0 ? b.file("shx") : b.file("shp"), rnd);
            case "dbf" -> bytes(b.file("dbf"), rnd);
            case "prj" -> text(b.file("prj"), rnd);
            case "gpkg" -> {
                Files.writeString(b.file("spec"), FuzzData.SPEC.replace("pas.shp", "pas.gpkg"));
                bytes(b.file("gpkg"), rnd);
            }
            case "geojson" -> {
                if (rnd.nextBoolean()) {
                    json(b.file("geojson"), rnd);
                } else {
                    bytes(b.file("geojson"), rnd);
                }
            }
            case "spec" -> {
                if (rnd.nextInt(4) == 0) {
                    bytes(b.file("spec"), rnd);
                } else {
                    json(b.file("spec"), rnd);
                }
            }
            case "out" -> {
                String[] outs = {"", b.file("spec").toString(), b.dir().toString(), b.file("tif").toString(),
                    b.file("tif").resolve("sub").toString(), b.dir().resolve("out/../out").toString(), b.dir().resolve("x".repeat(300)).toString(),
                    b.dir().resolve("new/deeper/out").toString(), b.file("prj").getParent().resolve("pas.dbf").toString()};
                String o = outs[rnd.nextInt(outs.length)];
                if (rnd.nextInt(3) == 0) { // an output folder that exists, with a file of its own
                    Files.createDirectories(out);
                    Files.writeString(out.resolve("mine.txt"), "kept");
                    o = out.toString();
                }
                assess.set(3, o);
            }
            case "tracker" -> {
                bytes(b.file("tracker"), rnd);
                String[][] cmds = {{"list"}, {"show", "Q1"}, {"export", "--out", b.dir().resolve("t.json").toString()}};
                String[] c = cmds[rnd.nextInt(cmds.length)];
                List<String> a = new ArrayList<>(List.of("tracker"));
                a.addAll(List.of(c));
                a.add("--file");
                a.add(b.file("tracker").toString());
                return a;
            }
            default -> throw new IllegalArgumentException("unknown fuzz family " + family);
        }
        return assess;
    }

    /** One byte-level mutation: flips, a cut, zeros, a huge field, an insertion, a duplicated run, random bytes. */
    static void bytes(Path file, Random rnd) throws IOException {
        byte[] d = Files.readAllBytes(file);
        if (d.length == 0) {
            return;
        }
        byte[] r;
        switch (rnd.nextInt(8)) {
            case 0 -> {
                r = d.clone();
                for (int i = 0, n = 1 + rnd.nextInt(8); i < n; i++) {
                    r[rnd.nextInt(r.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            case 1 -> r = java.util.Arrays.copyOf(d, rnd.nextInt(d.length));
            case 2 -> {
                r = d.clone();
                int p = rnd.nextInt(r.length), n = Math.min(r.length - p, 1 + rnd.nextInt(64));
                java.util.Arrays.fill(r, p, p + n, (byte) 0);
            }
            case 3 -> {
                r = d.clone();
                int p = rnd.nextInt(Math.max(1, r.length - 4)) & ~1;
                int[] huge = {0x7FFFFFFF, 0xFFFFFFFF, 0x80000000, 0x40000000, 0x00FFFFFF};
                int v = huge[rnd.nextInt(huge.length)];
                for (int k = 0; k < 4 && p + k < r.length; k++) {
                    r[p + k] = (byte) (v >>> (8 * (rnd.nextBoolean() ? k : 3 - k)));
                }
            }
            case 4 -> {
                int p = rnd.nextInt(d.length + 1), n = 1 + rnd.nextInt(32);
                r = new byte[d.length + n];
                System.arraycopy(d, 0, r, 0, p);
                for (int k = 0; k < n; k++) {
                    r[p + k] = (byte) rnd.nextInt(256);
                }
                System.arraycopy(d, p, r, p + n, d.length - p);
            }
            case 5 -> {
                int p = rnd.nextInt(d.length), n = Math.min(d.length - p, 1 + rnd.nextInt(256));
                r = new byte[d.length + n];
                System.arraycopy(d, 0, r, 0, p + n);
                System.arraycopy(d, p, r, p + n, d.length - p);
            }
            case 6 -> {
                r = d.clone();
                for (int i = 0, n = 1 + rnd.nextInt(4); i < n; i++) {
                    r[rnd.nextInt(Math.min(r.length, 512))] = (byte) rnd.nextInt(256);
                }
            }
            default -> {
                r = new byte[rnd.nextInt(2) == 0 ? 0 : d.length];
                rnd.nextBytes(r);
            }
        }
        Files.write(file, r);
    }

    /** Text files (.prj): byte mutations, or a unit, a datum or the whole text replaced. */
    static void text(Path file, Random rnd) throws IOException {
        String t = Files.readString(file, StandardCharsets.ISO_8859_1);
        String[] swaps = {"UNIT[\"Foot_US\",0.3048006096012192]", "UNIT[\"furlong\",201.168]", "UNIT[\"Meter\",0]", "UNIT[\"Meter\",-1]",
            "PROJECTION[\"Geostationary_Satellite\"]", "", "GEOGCS[\"x\"]", "PARAMETER[\"False_Easting\",1e400]"};
        switch (rnd.nextInt(4)) {
            case 0 -> bytes(file, rnd);
            case 1 -> Files.writeString(file, t.replace("UNIT[\"Meter\",1.0]", swaps[rnd.nextInt(swaps.length)]), StandardCharsets.ISO_8859_1);
            case 2 -> Files.writeString(file, t.replace("PROJECTION[\"Lambert_Azimuthal_Equal_Area\"]", swaps[rnd.nextInt(swaps.length)]),
                    StandardCharsets.ISO_8859_1);
            default -> Files.writeString(file, swaps[rnd.nextInt(swaps.length)], StandardCharsets.ISO_8859_1);
        }
    }

    /** JSON-level mutations: a value of the wrong type or out of range, a key removed, renamed or doubled. */
    static void json(Path file, Random rnd) throws IOException {
        ObjectMapper m = new ObjectMapper();
        JsonNode root;
        try {
            root = m.readTree(file.toFile());
        } catch (IOException e) {
            bytes(file, rnd);
            return;
        }
        for (int i = 0, n = 1 + rnd.nextInt(3); i < n; i++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode c = containers.get(rnd.nextInt(containers.size()));
            if (c instanceof ObjectNode o && o.size() > 0) {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                String k = names.get(rnd.nextInt(names.size()));
                switch (rnd.nextInt(4)) {
                    case 0 -> o.remove(k);
                    case 1 -> o.set(k + (rnd.nextBoolean() ? "x" : ""), o.remove(k));
                    default -> o.set(k, value(rnd));
                }
            } else if (c instanceof ArrayNode a && a.size() > 0) {
                int k = rnd.nextInt(a.size());
                switch (rnd.nextInt(3)) {
                    case 0 -> a.remove(k);
                    case 1 -> a.add(a.get(k).deepCopy());
                    default -> a.set(k, value(rnd));
                }
            }
        }
        Files.writeString(file, m.writeValueAsString(root));
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            Iterator<JsonNode> it = n.elements();
            while (it.hasNext()) {
                collect(it.next(), out);
            }
        }
    }

    private static JsonNode value(Random rnd) {
        return switch (rnd.nextInt(16)) {
            case 0 -> F.numberNode(new java.math.BigDecimal("1e400"));
            case 1 -> F.numberNode(-5);
            case 2 -> F.numberNode(2000.5);
            case 3 -> F.textNode("none");
            case 4 -> F.textNode("");
            case 5 -> F.nullNode();
            case 6 -> F.arrayNode();
            case 7 -> F.objectNode();
            case 8 -> F.booleanNode(true);
            case 9 -> F.numberNode(99999999999L);
            case 10 -> F.textNode("EPSG:999999");
            case 11 -> F.textNode("x".repeat(5000));
            case 12 -> F.numberNode(0);
            case 13 -> F.textNode("../missing.tif");
            case 14 -> F.numberNode(Double.MIN_VALUE);
            default -> F.textNode("中国");
        };
    }
}
