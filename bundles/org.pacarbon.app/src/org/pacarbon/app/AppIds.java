package org.pacarbon.app;

/**
 * Identifiers of the workbench parts that the application defines and that other bundles fill in.
 * These IDs never change: map, toolbox and tracker bundles contribute views with them.
 */
public final class AppIds {
    /** The RCP application ({@code IApplication}). */
    public static final String APPLICATION = "org.pacarbon.app.application"; //$NON-NLS-1$
    /** The product (branding). */
    public static final String PRODUCT = "org.pacarbon.app.product"; //$NON-NLS-1$
    /** Map perspective: catalog, layers, legend around the map. */
    public static final String PERSPECTIVE_MAP = "org.pacarbon.app.perspective.map"; //$NON-NLS-1$
    /** Assessment perspective: toolbox, results, map. */
    public static final String PERSPECTIVE_ASSESSMENT = "org.pacarbon.app.perspective.assessment"; //$NON-NLS-1$
    /** Research perspective: the research-framework tracker. */
    public static final String PERSPECTIVE_RESEARCH = "org.pacarbon.app.perspective.research"; //$NON-NLS-1$

    /** Map view. */
    public static final String VIEW_MAP = "org.pacarbon.views.map"; //$NON-NLS-1$
    /** Layers view. */
    public static final String VIEW_LAYERS = "org.pacarbon.views.layers"; //$NON-NLS-1$
    /** Legend view. */
    public static final String VIEW_LEGEND = "org.pacarbon.views.legend"; //$NON-NLS-1$
    /** Identify results (map.ui). */
    public static final String VIEW_IDENTIFY = "org.pacarbon.views.identify"; //$NON-NLS-1$
    /** Attribute table view. */
    public static final String VIEW_ATTRIBUTES = "org.pacarbon.views.attributes"; //$NON-NLS-1$
    /** Catalog view. */
    public static final String VIEW_CATALOG = "org.pacarbon.views.catalog"; //$NON-NLS-1$
    /** Toolbox view. */
    public static final String VIEW_TOOLBOX = "org.pacarbon.views.toolbox"; //$NON-NLS-1$
    /** Results view. */
    public static final String VIEW_RESULTS = "org.pacarbon.views.results"; //$NON-NLS-1$
    /** Research tracker view. */
    public static final String VIEW_TRACKER = "org.pacarbon.views.tracker"; //$NON-NLS-1$

    /** Key under which every PA-Carbon widget stores its test/automation id ({@code Widget.setData(KEY, id)}). */
    public static final String WIDGET_ID_KEY = "org.pacarbon.widgetId"; //$NON-NLS-1$

    private AppIds() {
    }
}
