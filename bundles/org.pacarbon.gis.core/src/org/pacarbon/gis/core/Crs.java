package org.pacarbon.gis.core;

import org.apache.sis.referencing.CRS;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.util.FactoryException;

/** CRS helpers. */
public final class Crs {
    private Crs() {}
    /** Decodes an EPSG code such as {@code "EPSG:4326"}. */
    public static CoordinateReferenceSystem forCode(String code) throws FactoryException {
        return CRS.forCode(code);
    }
}
