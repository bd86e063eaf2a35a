package org.pacarbon.gis.core.raster.nc;

import java.nio.file.Path;

import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.util.FactoryException;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;
import org.pacarbon.gis.core.crs.MapProjection;
import org.pacarbon.gis.core.raster.nc.NcFile.Var;
import org.eclipse.jdt.annotation.Nullable;

/**
 * CF grid mappings (CF 1.11 appendix F) as CRSs: latitude_longitude, albers_conical_equal_area,
 * lambert_conformal_conic (one or two standard parallels, or a scale factor), lambert_azimuthal_equal_area,
 * lambert_cylindrical_equal_area, transverse_mercator, mercator, polar_stereographic (standard parallel or scale
 * factor), stereographic, orthographic and sinusoidal, on the ellipsoid of semi_major_axis with inverse_flattening
 * or semi_minor_axis (or earth_radius); WGS 84 when none is given. Others (geostationary, rotated poles, oblique
 * Mercator, vertical perspective) are refused by name.
 */
final class CfProjection {
    private CfProjection() {
    }

    /**
     * @param gm      the grid mapping variable
     * @param name    its grid_mapping_name
     * @param metres  metres per unit of the file's projection coordinates (they are converted to metres)
     */
    static CoordinateReferenceSystem toCrs(Path file, Var gm, String name, double metres) throws FactoryException, GisException {
        double a = MapProjection.WGS84_A, invF = MapProjection.WGS84_INVF;
        String ell = "WGS 84";
        double[] radius = gm.numbers("earth_radius"), major = gm.numbers("semi_major_axis");
        double[] inverseF = gm.numbers("inverse_flattening"), minor = gm.numbers("semi_minor_axis");
        if (radius != null) {
            a = radius[0];
            invF = Double.POSITIVE_INFINITY;
            ell = "Sphere " + a;
        } else if (major != null) {
            a = major[0];
            if (inverseF != null) {
                invF = inverseF[0];
                invF = invF == 0 ? Double.POSITIVE_INFINITY : invF;
            } else if (minor != null) {
                double b = minor[0];
                invF = b == a ? Double.POSITIVE_INFINITY : a / (a - b);
            } else {
                invF = Double.POSITIVE_INFINITY;
            }
            ell = a == MapProjection.WGS84_A && invF == MapProjection.WGS84_INVF ? "WGS 84" : "Ellipsoid " + a + " " + invF;
        }
        double lon0 = first(gm, "longitude_of_central_meridian", first(gm, "longitude_of_projection_origin",
                first(gm, "straight_vertical_longitude_from_pole", 0)));
        double lat0 = first(gm, "latitude_of_projection_origin", 0);
        double[] sp = gm.numbers("standard_parallel");
        MapProjection m;
        switch (name) {
            case "latitude_longitude" -> {
                return MapProjection.geographic(ell, a, invF);
            }
            case "albers_conical_equal_area" -> m = MapProjection.of("Albers Equal Area", "Albers_Conic_Equal_Area")
                    .param("standard_parallel_1", sp(sp, 0, lat0)).param("standard_parallel_2", sp(sp, 1, sp(sp, 0, lat0)))
                    .param("latitude_of_center", lat0).param("longitude_of_center", lon0);
            case "lambert_conformal_conic" -> {
                if (sp != null && (sp.length > 1 && sp[0] != sp[1] || sp[0] != lat0)) {
                    m = MapProjection.of("Lambert Conformal Conic", "Lambert_Conformal_Conic_2SP")
                            .param("standard_parallel_1", sp[0]).param("standard_parallel_2", sp(sp, 1, sp[0]))
                            .param("latitude_of_origin", lat0).param("central_meridian", lon0);
                } else {
                    m = MapProjection.of("Lambert Conformal Conic", "Lambert_Conformal_Conic_1SP")
                            .param("latitude_of_origin", sp != null ? sp[0] : lat0).param("central_meridian", lon0)
                            .param("scale_factor", first(gm, "scale_factor_at_projection_origin", 1));
                }
            }
            case "lambert_azimuthal_equal_area" -> m = MapProjection.of("Lambert Azimuthal Equal Area", "Lambert_Azimuthal_Equal_Area")
                    .param("latitude_of_center", lat0).param("longitude_of_center", lon0);
            case "lambert_cylindrical_equal_area" -> m = MapProjection.of("Cylindrical Equal Area", "Cylindrical_Equal_Area")
                    .param("standard_parallel_1", sp(sp, 0, 0)).param("central_meridian", lon0);
            case "transverse_mercator" -> m = MapProjection.of("Transverse Mercator", "Transverse_Mercator")
                    .param("latitude_of_origin", lat0).param("central_meridian", lon0)
                    .param("scale_factor", first(gm, "scale_factor_at_central_meridian", 1));
            case "mercator" -> m = sp != null
                    ? MapProjection.of("Mercator", "Mercator_2SP").param("standard_parallel_1", sp[0]).param("central_meridian", lon0)
                    : MapProjection.of("Mercator", "Mercator_1SP").param("central_meridian", lon0)
                            .param("scale_factor", first(gm, "scale_factor_at_projection_origin", 1));
            case "polar_stereographic" -> {
                boolean north = lat0 >= 0;
                m = sp != null
                        ? MapProjection.of("Polar Stereographic", north ? "Stereographic_North_Pole" : "Stereographic_South_Pole")
                                .param("standard_parallel_1", sp[0]).param("central_meridian", lon0)
                        : MapProjection.of("Polar Stereographic", "Polar_Stereographic").param("latitude_of_origin", north ? 90 : -90)
                                .param("central_meridian", lon0).param("scale_factor", first(gm, "scale_factor_at_projection_origin", 1));
            }
            case "stereographic" -> m = MapProjection.of("Stereographic", "Oblique_Stereographic")
                    .param("latitude_of_origin", lat0).param("central_meridian", lon0)
                    .param("scale_factor", first(gm, "scale_factor_at_projection_origin", 1));
            case "orthographic" -> m = MapProjection.of("Orthographic", "Orthographic")
                    .param("latitude_of_origin", lat0).param("central_meridian", lon0);
            case "sinusoidal" -> m = MapProjection.of("Sinusoidal", "Sinusoidal").param("central_meridian", lon0);
            default -> throw new GisException(file, "grid mapping '" + name + "' is not supported",
                    "one of latitude_longitude, albers_conical_equal_area, lambert_conformal_conic, lambert_azimuthal_equal_area,"
                            + " lambert_cylindrical_equal_area, transverse_mercator, mercator, polar_stereographic, stereographic,"
                            + " orthographic, sinusoidal; reproject the file first (e.g. gdalwarp -t_srs EPSG:...)");
        }
        // CF false easting/northing are in the projection coordinates' unit; the grid is converted to metres
        m.param("false_easting", first(gm, "false_easting", 0) * metres).param("false_northing", first(gm, "false_northing", 0) * metres);
        return CrsSupport.eastNorth(m.ellipsoid(ell, a, invF).toCrs());
    }

    private static double first(Var v, String key, double dflt) {
        double[] d = v.numbers(key);
        return d != null ? d[0] : dflt;
    }

    private static double sp(double @Nullable [] sp, int i, double dflt) {
        return sp != null && sp.length > i ? sp[i] : dflt;
    }
}
