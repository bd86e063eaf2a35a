package org.pacarbon.gis.core.vector;

import java.util.List;

import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * Features read from one layer of one file, with their CRS (in (east, north) axis order) and field names.
 *
 * @param source    where the features came from (file and layer), for messages
 * @param crs       the CRS of the coordinates, with easting/longitude first
 * @param fields    the attribute field names, in file order
 * @param features  the features
 */
public record FeatureSet(String source, CoordinateReferenceSystem crs, List<String> fields, List<Feature> features) {
}
