package org.pacarbon.gis.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.crs.CrsSupport;

/**
 * WKT 1 as GDAL and ESRI write it that SIS refuses as such. Expected coordinates: gdaltransform (GDAL 3.6.2, PROJ 9.1.1)
 * of the same point from the equivalent PROJ string to EPSG:4326.
 */
class WktFormsTest {
    private static final String G = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],"
            + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]";

    private static void check(String wkt, double x, double y, double lon, double lat) throws Exception {
        CoordinateReferenceSystem crs = CrsSupport.parse(wkt, null);
        double[] p = {x, y};
        CrsSupport.transform(crs, CrsSupport.lonLat()).transform(p, 0, p, 0, 1);
        assertEquals(lon, p[0], 1e-7, wkt);
        assertEquals(lat, p[1], 1e-7, wkt);
    }

    @Test
    void gdalPolarStereographicWithAStandardParallelAsLatitudeOfOrigin() throws Exception {
        // "+proj=stere +lat_0=90 +lat_ts=70 +lon_0=-45 +datum=WGS84" (NSIDC sea ice north), GDAL's WKT 1 of it
        check("PROJCS[\"NSIDC north\"," + G + ",PROJECTION[\"Polar_Stereographic\"],PARAMETER[\"latitude_of_origin\",70],"
                + "PARAMETER[\"central_meridian\",-45],PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",0],"
                + "PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]", 100000, -1000000, -39.2894068625004, 80.7420578351855);
    }

    @Test
    void polarStereographicWithStandardParallel1() throws Exception {
        // "+proj=stere +lat_0=-90 +lat_ts=-71 +lon_0=0 +datum=WGS84"
        check("PROJCS[\"ps south\"," + G + ",PROJECTION[\"Polar_Stereographic\"],PARAMETER[\"standard_parallel_1\",-71],"
                + "PARAMETER[\"central_meridian\",0],PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]",
                100000, -1000000, 174.2894068625, -80.7696453694877);
    }

    @Test
    void sinusoidalWithLongitudeOfCenter() throws Exception {
        // "+proj=sinu +lon_0=0 +datum=WGS84"
        check("PROJCS[\"sinu\"," + G + ",PROJECTION[\"Sinusoidal\"],PARAMETER[\"longitude_of_center\",0],"
                + "PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]",
                100000, -1000000, 0.909545917687526, -9.04294443634148);
    }
}
