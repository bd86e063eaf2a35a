package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.sis.referencing.CRS;
import org.opengis.referencing.crs.CRSAuthorityFactory;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.util.FactoryException;
import org.pacarbon.gis.core.GisException;

/**
 * The CRSs a map can be shown in: a short list of suggestions for work in China and worldwide (CGCS2000, the
 * China Albers equal-area projection the national carbon maps use, UTM, Web Mercator), and a search of the EPSG
 * database by code or name words. Each choice is a definition {@link org.pacarbon.gis.core.crs.CrsSupport#parse}
 * reads.
 */
public final class MapCrs {
    /** A CRS to offer: what people call it, and its definition (EPSG code, PROJ string or WKT). */
    public record Choice(String label, String definition) {
    }

    private static volatile @Nullable List<Choice> epsg;

    private MapCrs() {
    }

    /** The suggestions, first in the chooser. */
    public static List<Choice> suggestions() {
        return List.of(new Choice("WGS 84 (longitude, latitude)", "EPSG:4326"),
                new Choice("CGCS2000 (longitude, latitude; China's geodetic datum)", "EPSG:4490"),
                new Choice("China Albers equal-area (CGCS2000 ellipsoid, 25N / 47N, 105E)",
                        "+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +x_0=0 +y_0=0 +ellps=GRS80 +units=m"),
                new Choice("WGS 84 / UTM zone 48N", "EPSG:32648"), new Choice("WGS 84 / UTM zone 49N", "EPSG:32649"),
                new Choice("WGS 84 / UTM zone 50N", "EPSG:32650"), new Choice("WGS 84 / UTM zone 51N", "EPSG:32651"),
                new Choice("WGS 84 / Pseudo-Mercator (web maps)", "EPSG:3857"));
    }

    /**
     * Geographic and projected CRSs of the EPSG database whose code or name contains every word of {@code query}
     * (case-insensitive), at most {@code max}. The first search reads the names from the database (a few seconds):
     * call it off the UI thread.
     */
    public static List<Choice> search(String query, int max) throws GisException {
        List<String> words = List.of(query.toLowerCase(Locale.ROOT).trim().split("\\s+"));
        List<Choice> out = new ArrayList<>();
        for (Choice c : epsg()) {
            String hay = (c.definition() + " " + c.label()).toLowerCase(Locale.ROOT);
            if (words.stream().allMatch(hay::contains)) {
                out.add(c);
                if (out.size() >= max) {
                    break;
                }
            }
        }
        return out;
    }

    private static List<Choice> epsg() throws GisException {
        List<Choice> list = epsg;
        if (list == null) {
            try {
                CRSAuthorityFactory f = CRS.getAuthorityFactory("EPSG"); //$NON-NLS-1$
                list = new ArrayList<>();
                for (var type : List.of(GeographicCRS.class, ProjectedCRS.class)) {
                    Set<String> codes = f.getAuthorityCodes(type);
                    for (String code : codes) {
                        String name;
                        try {
                            org.opengis.util.InternationalString d = f.getDescriptionText(code);
                            name = d == null ? code : d.toString();
                        } catch (FactoryException | RuntimeException e) {
                            continue; // a code the database lists but cannot describe
                        }
                        list.add(new Choice(name, code.startsWith("EPSG:") ? code : "EPSG:" + code)); //$NON-NLS-1$ //$NON-NLS-2$
                    }
                }
                epsg = List.copyOf(list);
            } catch (FactoryException e) {
                throw new GisException(null, "the EPSG database cannot be searched: " + e.getMessage(), "the EPSG database of Apache SIS", e);
            }
        }
        return list;
    }
}
