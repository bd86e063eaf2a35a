package org.pacarbon.gis.core.vector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.crs.CrsSupport;

import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import mil.nga.sf.wkb.GeometryReader;
import org.eclipse.jdt.annotation.Nullable;

/** Reads and writes feature tables of OGC GeoPackage files (through the NGA GeoPackage library). */
public final class GeoPackageIO {
    private GeoPackageIO() {
    }

    /** Lists the feature tables of a GeoPackage. */
    public static List<String> layers(Path file) throws GisException {
        GeoPackage gpkg = open(file);
        try {
            return gpkg.getFeatureTables();
        } finally {
            gpkg.close();
        }
    }

    /**
     * Reads the features of one table ({@code layer}), or of the only/first feature table when {@code layer}
     * is {@code null}.
     */
    public static FeatureSet read(Path file, @Nullable String layer) throws GisException {
        GeoPackage gpkg = open(file);
        try {
            List<String> tables = gpkg.getFeatureTables();
            if (tables.isEmpty()) {
                throw new GisException(file, "the GeoPackage has no feature table", "a GeoPackage with polygon features");
            }
            String table = layer != null ? layer : tables.get(0);
            if (!tables.contains(table)) {
                throw new GisException(file, "no feature table named '" + table + "'", "one of " + tables);
            }
            FeatureDao dao = gpkg.getFeatureDao(table);
            SpatialReferenceSystem srs = dao.getSrs();
            CoordinateReferenceSystem crs = crsOf(file, srs);
            String geomColumn = dao.getGeometryColumnName();
            List<String> fields = new ArrayList<>();
            for (String c : dao.getColumnNames()) {
                if (!c.equals(geomColumn) && !c.equals(dao.getPkColumnName())) {
                    fields.add(c);
                }
            }
            List<Feature> features = new ArrayList<>();
            WKBReader wkb = new WKBReader();
            FeatureResultSet rs = dao.queryForAll();
            try {
                while (rs.moveToNext()) {
                    FeatureRow row = rs.getRow();
                    GeoPackageGeometryData data = row.getGeometry();
                    // a feature without geometry is kept with an empty one, so that users are told it was skipped
                    Geometry g = data == null || data.isEmpty() ? new org.locationtech.jts.geom.GeometryFactory().createMultiPolygon()
                            : wkb.read(data.getWkb());
                    Map<String, Object> attrs = new LinkedHashMap<>();
                    for (String f : fields) {
                        Object v = row.getValue(f);
                        if (v != null) {
                            attrs.put(f, v);
                        }
                    }
                    features.add(new Feature(Long.toString(row.getId()), g, attrs));
                }
            } finally {
                rs.close();
            }
            return new FeatureSet(file + "#" + table, crs, fields, features);
        } catch (IOException | ParseException e) {
            throw new GisException(file, "a geometry cannot be decoded (" + GisException.plain(e) + ")", "valid GeoPackage geometry blobs", e);
        } catch (RuntimeException e) { // GeoPackageException, SFException, SQLite errors on damaged or foreign files
            throw new GisException(file, "cannot be read as a GeoPackage (" + sqliteOrPlain(e) + ")", "an intact OGC GeoPackage (SQLite) file", e);
        } finally {
            try {
                gpkg.close();
            } catch (RuntimeException e) {
                // closing a damaged file: nothing more to do
            }
        }
    }

    /** SQLite's own words when the database is damaged ("database disk image is malformed"), else the plain message. */
    static String sqliteOrPlain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException q && q.getMessage() != null) {
                String m = q.getMessage().replaceAll("\\[SQLITE_[A-Z_]+\\]\\s*", "").replaceAll("\\s*\\(.*\\)$", "");
                return "the database is damaged or not SQLite: " + m.strip();
            }
        }
        return GisException.plain(e).replace("Exception retrieving", "error retrieving");
    }

    private static CoordinateReferenceSystem crsOf(Path file, @Nullable SpatialReferenceSystem srs) throws GisException {
        if (srs == null) {
            throw new GisException(file, "the feature table has no spatial reference system", "an SRS in gpkg_spatial_ref_sys");
        }
        String org = srs.getOrganization();
        if (org != null && org.equalsIgnoreCase("EPSG") && srs.getOrganizationCoordsysId() > 0) {
            return CrsSupport.parse("EPSG:" + srs.getOrganizationCoordsysId(), file);
        }
        String wkt = srs.getDefinition();
        if (wkt == null || wkt.isBlank() || wkt.equalsIgnoreCase("undefined")) {
            throw new GisException(file, "the spatial reference system " + srs.getSrsId() + " is undefined", "an EPSG code or WKT");
        }
        return CrsSupport.parse(wkt, file);
    }

    private static GeoPackage open(Path file) throws GisException {
        if (!Files.isRegularFile(file)) {
            throw new GisException(file, "the file does not exist", "a GeoPackage (.gpkg) file");
        }
        org.pacarbon.gis.core.io.SqliteNative.prepare();
        try {
            return GeoPackageManager.open(file.toFile(), false);
        } catch (RuntimeException e) {
            throw new GisException(file, "not a readable GeoPackage (" + sqliteOrPlain(e) + ")", "an OGC GeoPackage (SQLite) file", e);
        }
    }

    /**
     * Writes (polygonal) features to a new GeoPackage with one table, atomically: written to a temporary file,
     * then renamed.
     *
     * @param file    the destination (replaced if it exists)
     * @param table   the table name
     * @param epsg    the EPSG code of the features' CRS
     * @param fields  the attribute fields: name to Java type (String, Integer/Long, Double)
     * @param features the features
     */
    public static void write(Path file, String table, int epsg, Map<String, Class<?>> fields, List<Feature> features)
            throws GisException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part.gpkg");
        try {
            Files.deleteIfExists(tmp);
            org.pacarbon.gis.core.io.SqliteNative.prepare();
            GeoPackageManager.create(tmp.toFile());
            GeoPackage gpkg = GeoPackageManager.open(tmp.toFile(), true);
            try {
                SpatialReferenceSystem srs = srs(gpkg, epsg);
                GeometryColumns gc = new GeometryColumns();
                gc.setTableName(table);
                gc.setColumnName("geom");
                gc.setGeometryType(GeometryType.GEOMETRY);
                gc.setZ((byte) 0);
                gc.setM((byte) 0);
                gc.setSrs(srs);
                List<FeatureColumn> columns = new ArrayList<>();
                for (Map.Entry<String, Class<?>> f : fields.entrySet()) {
                    columns.add(FeatureColumn.createColumn(f.getKey(), typeOf(f.getValue())));
                }
                Envelope env = new Envelope();
                for (Feature f : features) {
                    env.expandToInclude(f.geometry().getEnvelopeInternal());
                }
                BoundingBox box = env.isNull() ? new BoundingBox() : new BoundingBox(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY());
                gpkg.createFeatureTable(FeatureTableMetadata.create(gc, columns, box));
                FeatureDao dao = gpkg.getFeatureDao(table);
                WKBWriter writer = new WKBWriter();
                gpkg.beginTransaction();
                for (Feature f : features) {
                    FeatureRow row = dao.newRow();
                    mil.nga.sf.Geometry g = GeometryReader.readGeometry(writer.write(f.geometry()));
                    row.setGeometry(GeoPackageGeometryData.createAndBuildEnvelope(srs.getSrsId(), g));
                    for (String name : fields.keySet()) {
                        Object v = f.attributes().get(name);
                        if (v != null) {
                            row.setValue(name, v);
                        }
                    }
                    dao.create(row);
                }
                gpkg.endTransaction();
            } finally {
                gpkg.close();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | SQLException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new GisException(file, "cannot write the GeoPackage (" + e.getMessage() + ")", "a writable location", e);
        }
    }

    /** The SRS row for an EPSG code: NGA's built-in definitions, or one made from the WKT of the EPSG database. */
    private static SpatialReferenceSystem srs(GeoPackage gpkg, int epsg) throws SQLException, GisException {
        try {
            return gpkg.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", epsg);
        } catch (RuntimeException | SQLException unknownToNga) {
            CoordinateReferenceSystem crs = CrsSupport.parse("EPSG:" + epsg, null);
            SpatialReferenceSystem srs = new SpatialReferenceSystem();
            srs.setSrsName(crs.getName().getCode());
            srs.setSrsId(epsg);
            srs.setOrganization("EPSG");
            srs.setOrganizationCoordsysId(epsg);
            srs.setDefinition(crs.toWKT());
            srs.setDescription(crs.getName().getCode());
            gpkg.getSpatialReferenceSystemDao().create(srs);
            return srs;
        }
    }

    private static GeoPackageDataType typeOf(Class<?> type) {
        if (type == Integer.class || type == Long.class) {
            return GeoPackageDataType.INTEGER;
        }
        if (type == Double.class || type == Float.class) {
            return GeoPackageDataType.DOUBLE;
        }
        return GeoPackageDataType.TEXT;
    }
}
