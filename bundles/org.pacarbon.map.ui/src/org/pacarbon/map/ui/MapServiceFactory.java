package org.pacarbon.map.ui;

import org.eclipse.jdt.annotation.Nullable;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.services.AbstractServiceFactory;
import org.eclipse.ui.services.IServiceLocator;
import org.locationtech.jts.geom.Envelope;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.map.core.MapLayer;
import org.pacarbon.map.core.MapService;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Contributes the workbench service {@link MapService} (extension {@code org.eclipse.ui.services}): the other UI
 * bundles reach the Map view of the active window through it, not through this bundle's classes.
 */
public final class MapServiceFactory extends AbstractServiceFactory {
    @Override
    @NonNullByDefault({})
    public Object create(@SuppressWarnings("rawtypes") Class serviceInterface, IServiceLocator parentLocator, IServiceLocator locator) {
        return serviceInterface == MapService.class ? new WorkbenchMap() : null;
    }

    /** The Map view of the active workbench window. */
    static final class WorkbenchMap implements MapService {
        private static @Nullable IWorkbenchPage page() {
            IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            if (w == null && PlatformUI.getWorkbench().getWorkbenchWindowCount() > 0) {
                w = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
            }
            return w == null ? null : w.getActivePage();
        }

        private static @Nullable MapView open() {
            IWorkbenchPage p = page();
            IViewPart v = p == null ? null : p.findView(MapView.ID);
            return v instanceof MapView m ? m : null;
        }

        @Override
        public List<MapLayer> layers() {
            MapView m = open();
            return m == null ? List.of() : m.layers();
        }

        @Override
        public @Nullable MapLayer addRaster(Path file, String name, String ramp, double min, double max, String unit)
                throws GisException {
            MapView m = open();
            return m == null ? null : m.addRaster(file, name, ramp, min, max, unit);
        }

        @Override
        public @Nullable Envelope extent() {
            MapView m = open();
            return m == null ? null : m.extent();
        }

        @Override
        public void setExtent(Envelope extent) {
            MapView m = open();
            if (m != null) {
                m.setExtent(extent);
            }
        }

        @Override
        public void openDocument(Path pamap, @Nullable Envelope at) throws GisException {
            IWorkbenchPage p = page();
            if (p == null) {
                throw new GisException(pamap, "cannot be shown: the workbench has no window", "a workbench window");
            }
            try {
                ((MapView) p.showView(MapView.ID)).openDocument(pamap, at);
            } catch (PartInitException e) {
                throw new GisException(pamap, "cannot be shown: the Map view does not open (" + e.getMessage() + ")", "the Map view", e);
            }
        }
    }
}
