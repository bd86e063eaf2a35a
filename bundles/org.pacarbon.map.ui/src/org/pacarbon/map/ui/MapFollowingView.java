package org.pacarbon.map.ui;

import org.eclipse.ui.part.ViewPart;

/**
 * A view that shows something of the Map view's layers and follows their changes (the Layers view, the legend, the
 * attribute table): it connects to the open Map view, hears every change of the layers, and lets go when closed.
 */
abstract class MapFollowingView extends ViewPart {
    /** The map view followed, or null before {@link #connect}. */
    protected MapView map;
    private final Runnable listener = this::layersChanged;

    /** Called after {@link #connect} and whenever the map's layers, their order or their styles change. */
    protected abstract void layersChanged();

    /** Follows a map view (and stops following the one before). */
    public void connect(MapView mapView) {
        if (map != null) {
            map.removeLayersListener(listener);
        }
        map = mapView;
        map.addLayersListener(listener);
        layersChanged();
    }

    /** Follows the Map view of this page when it is open (call at the end of {@code createPartControl}). */
    protected void connectToOpenMap() {
        if (getSite().getPage().findView(MapView.ID) instanceof MapView m) {
            connect(m);
        }
    }

    @Override
    public void dispose() {
        if (map != null) {
            map.removeLayersListener(listener);
        }
        super.dispose();
    }
}
