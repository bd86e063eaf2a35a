package org.pacarbon.carbon.core;

import org.pacarbon.zonal.core.ZoneStats;

/**
 * The report units of a layer, derived from its input unit and group, never copied from a label:
 * storage in PgC and kgC/m2, uptake in PgC/yr and kgC/m2/yr, emissions in 10^8 t CO2/yr and t CO2/km2/yr
 * (the element follows the input unit when it names one).
 */
final class UnitPolicy {
    private final double toKg;
    private final boolean density;
    private final String group;
    private final String element;

    private UnitPolicy(double toKg, boolean density, String group, String element) {
        this.toKg = toKg;
        this.density = density;
        this.group = group;
        this.element = element;
    }

    static UnitPolicy of(AssessmentSpec.Layer layer, AssessmentSpec spec) {
        return of(layer, spec, AssessmentSpec.Layer::unit);
    }

    /** @param unitOf  the unit the values are in (the file's own when it declares a convertible one) */
    static UnitPolicy of(AssessmentSpec.Layer layer, AssessmentSpec spec, java.util.function.Function<AssessmentSpec.Layer, String> unitOf) {
        AssessmentSpec.Layer source = layer;
        double factor;
        if (layer.sum() != null) {
            source = spec.layers().stream().filter(l -> l.key().equals(layer.parts().get(0)) && l.sum() == null
                    && java.util.Objects.equals(l.year(), layer.year())).findFirst().orElseThrow();
            factor = 1; // sum layers are summed in kg already
        } else {
            factor = QuantityUnit.parse(unitOf.apply(layer)).toKgFactor(layer.yearOrZero());
        }
        QuantityUnit u = QuantityUnit.parse(source.fileUnit());
        String el = u.element() != null ? u.element() : layer.group().equals("emissions") ? "CO2" : "C";
        return new UnitPolicy(factor, source.isDensity(), layer.group(), el);
    }

    /** Total in kg (per year for rates) of a zone. */
    double totalKg(ZoneStats s) {
        return (density ? s.sumTimesArea() : s.sumTimesCoverage()) * toKg;
    }

    double total(double kg) {
        return group.equals("emissions") ? kg / 1e11 : kg / 1e12;
    }

    String totalUnit() {
        return switch (group) {
            case "storage" -> "Pg" + element;
            case "uptake" -> "Pg" + element + "/yr";
            default -> "1e8 t" + element + "/yr";
        };
    }

    /** Per-area value from kg/m2. */
    double perArea(double kgPerM2) {
        return group.equals("emissions") ? kgPerM2 * 1000 : kgPerM2;
    }

    String perAreaUnit() {
        return switch (group) {
            case "storage" -> "kg" + element + "/m2";
            case "uptake" -> "kg" + element + "/m2/yr";
            default -> "t" + element + "/km2/yr";
        };
    }
}
