package org.pacarbon.map.ui;

import org.eclipse.osgi.util.NLS;

/** UI strings of the map views ({@code messages.properties}, {@code messages_zh.properties}). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.pacarbon.map.ui.messages"; //$NON-NLS-1$
    public static String Opacity;
    public static String AttrLayer;
    public static String AttrFilter;
    public static String AttrZoom;
    public static String AttrCopy;
    public static String AttrCount;
    public static String Attributes;
    public static String Up;
    public static String Down;
    public static String ZoomTo;
    public static String Remove;
    public static String Style;
    public static String StyleTitle;
    public static String PolygonStyle;
    public static String Col_file;
    public static String Col_kind;
    public static String Col_crs;
    public static String Col_size;
    public static String Open;
    public static String AddToMap;
    public static String CannotOpen;
    public static String NoLayers;
    public static String FullExtent;
    public static String Copy;
    public static String CopyTip;
    public static String OpenMap;
    public static String SaveMap;
    public static String Export;
    public static String ExportTip;
    public static String CannotAdd;
    public static String ExportTitle;
    public static String NothingToExport;
    public static String StyleOf;
    public static String StyleMsg;
    public static String Ramp;
    public static String Demo_biomass;
    public static String Demo_china;
    public static String Demo_pas;
    public static String RampCarbon;
    public static String RampNpp;
    public static String RampEmissions;
    public static String RampViridis;
    public static String RampGreys;
    public static String RampChange;
    public static String Min;
    public static String Max;
    public static String Stretch;
    public static String Log;
    public static String Classes;
    public static String Continuous;
    public static String EqualInterval;
    public static String Quantile;
    public static String NaturalBreaks;
    public static String MaxAboveMin;
    public static String LogMin;
    public static String Numbers;
    public static String ClassesFailed;
    public static String ExportFigure;
    public static String ExportMsg;
    public static String FigTitle;
    public static String Credits;
    public static String Format;
    public static String Dpi;
    public static String File;
    public static String FileExt;
    public static String DpiRange;
    public static String DpiNumber;
    public static String ExportButton;
    public static String Crs;
    public static String CrsTip;
    public static String CrsTitle;
    public static String CrsMessage;
    public static String CrsSearch;
    public static String CrsName;
    public static String CrsDefinition;
    public static String CrsSearching;
    public static String CrsApply;
    public static String BasemapTitle;
    public static String BasemapMessage;
    public static String BasemapLayer;
    public static String BasemapUrl;
    public static String BasemapBadUrl;
    public static String BasemapUrlHint;
    public static String Results;
    public static String ResultsNeedPas;
    public static String ResultsFile;
    public static String ResultsChoose;
    public static String Properties;
    public static String PropertiesOf;
    public static String JobAdding;
    public static String JobOpening;
    public static String Demo_loading;
    public static String IdentifyHint;
    public static String IdentifyLayer;
    public static String IdentifyValue;
    public static String IdentifyNothing;
    public static String AddData;
    public static String ToolPan;
    public static String ToolZoomIn;
    public static String ToolZoomOut;
    public static String ToolIdentify;
    public static String ToolMeasureLength;
    public static String ToolMeasureArea;
    public static String ToolSelect;
    public static String Scale;
    public static String ScaleTip;
    public static String ScaleBad;
    public static String MeasureLength;
    public static String MeasureArea;
    public static String MeasurePerimeter;
    public static String MeasureHint;
    public static String RecentMaps;
    public static String NoRecentMaps;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }

    /**
     * One of map.core's English texts (a Layers &gt; Properties row label, a basemap offer's title) in the user's
     * language, from {@code corelabels.properties} (spaces and other characters as _); as it is when not listed.
     */
    static String core(String english) {
        try {
            return java.util.ResourceBundle.getBundle("org.pacarbon.map.ui.corelabels", java.util.Locale.getDefault(), //$NON-NLS-1$
                    Messages.class.getClassLoader()).getString(english.replaceAll("[^A-Za-z0-9]", "_")); //$NON-NLS-1$ //$NON-NLS-2$
        } catch (java.util.MissingResourceException e) {
            return english;
        }
    }

    /** The title of a layer a service offers, in the user's language. */
    static String offer(String uri, String title) {
        String t = core("offer_" + uri); //$NON-NLS-1$
        return t.startsWith("offer_") ? title : t; //$NON-NLS-1$
    }
}
