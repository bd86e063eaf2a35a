package org.pacarbon.map.ui;

import org.eclipse.jdt.annotation.Nullable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Display;
import org.locationtech.jts.geom.Envelope;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.map.core.LayerSources;
import org.pacarbon.map.core.MapModel;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The map's long work, off the UI thread: files dropped or added, map documents opened, the map of the last session.
 * Each reads into a model of its own, in the map's CRS, in a user job with progress that can be cancelled; only the
 * finished layers join the map (on the UI thread), so a failure or a cancel leaves the map as it was, and a map that
 * changed meanwhile is not overwritten by an old request.
 */
final class MapJobs {
    private MapJobs() {
    }

    /** Files dropped on the map (from the catalog or the desktop) are added to it. */
    static void dropTarget(MapView map, Canvas canvas) {
        DropTarget drop = new DropTarget(canvas, DND.DROP_COPY | DND.DROP_DEFAULT);
        drop.setTransfer(FileTransfer.getInstance());
        drop.addDropListener(new DropTargetAdapter() {
            @Override
            @NonNullByDefault({})
            public void dragEnter(DropTargetEvent event) {
                event.detail = DND.DROP_COPY;
            }

            @Override
            @NonNullByDefault({})
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String[] files) {
                    map.dropFiles(files);
                }
            }
        });
    }

    /** Adds files to the map in a job; each one that cannot be read is refused with a message naming it. */
    static Job addFiles(MapView map, List<Path> files) {
        return add(map, files, f -> f.getFileName().toString(), (read, f) -> LayerSources.add(read, f, null));
    }

    /** Adds the layers of service URIs (basemap, tiles) in a job; each one that cannot be had is refused with a message. */
    static Job addServices(MapView map, List<String> uris) {
        return add(map, uris, u -> u, LayerSources::add);
    }

    /** How one item becomes layers of a map model. */
    private interface Adder<T> {
        List<?> add(MapModel read, T item) throws GisException;
    }

    private static <T> Job add(MapView map, List<T> items, java.util.function.Function<T, String> name, Adder<T> adder) {
        Display display = map.canvas().getDisplay();
        Job job = Job.create(NLS.bind(Messages.JobAdding, items.size()), (IProgressMonitor monitor) -> {
            SubMonitor sub = SubMonitor.convert(monitor, items.size());
            MapModel read = new MapModel(map.crs());
            List<String[]> refused = new ArrayList<>();
            for (T item : items) {
                if (sub.isCanceled()) {
                    read.clear();
                    return Status.CANCEL_STATUS;
                }
                sub.subTask(name.apply(item));
                try {
                    adder.add(read, item);
                } catch (GisException | RuntimeException e) {
                    refused.add(new String[] {name.apply(item), e.getMessage()});
                }
                sub.worked(1);
            }
            display.asyncExec(() -> {
                if (map.canvas().isDisposed()) {
                    read.clear();
                    return;
                }
                map.model().addAll(read);
                for (String[] r : refused) {
                    MessageDialog.openError(map.canvas().getShell(), Messages.CannotAdd + " " + r[0], r[1]); //$NON-NLS-1$
                }
            });
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
        return job;
    }

    /** Opens a map document in a job: its layers replace the map's when all are read; a failure says why. */
    static Job open(MapView map, Path pamap) {
        return openDocument(map, pamap, true);
    }

    private static Job openDocument(MapView map, Path pamap, boolean user) {
        Display display = map.canvas().getDisplay();
        long at = map.model().changes();
        Job job = Job.create(NLS.bind(Messages.JobOpening, pamap.getFileName()), (IProgressMonitor monitor) -> {
            MapModel read = new MapModel();
            Envelope extent;
            try {
                extent = read.open(pamap);
            } catch (GisException | RuntimeException e) {
                read.clear();
                if (user) {
                    display.asyncExec(() -> MessageDialog.openError(map.canvas().getShell(), Messages.OpenMap, e.getMessage()));
                }
                return user ? Status.OK_STATUS : Status.CANCEL_STATUS;
            }
            if (monitor.isCanceled()) {
                read.clear();
                return Status.CANCEL_STATUS;
            }
            display.asyncExec(() -> {
                // the map of the last session gives way to anything the user did meanwhile
                if (map.canvas().isDisposed() || !user && map.model().changes() != at) {
                    read.clear();
                    return;
                }
                map.model().replaceWith(read);
                if (user) {
                    RecentMaps.add(pamap);
                    map.documentIs(pamap);
                }
                map.setExtent(extent != null ? extent : map.model().fullExtent());
            });
            return Status.OK_STATUS;
        });
        job.setUser(user);
        job.schedule();
        return job;
    }

    /** At start: the map of the last session, else the demo data set when there is one. */
    static void restore(MapView map, Display display) {
        Path last = lastMapFile();
        if (last != null && Files.isRegularFile(last)) {
            openDocument(map, last, false);
            return;
        }
        String demo = System.getProperty("pacarbon.demo"); //$NON-NLS-1$
        if (demo == null || !Files.isRegularFile(Path.of(demo, "biomass_2010.tif"))) { //$NON-NLS-1$
            return;
        }
        Path dir = Path.of(demo);
        long at = map.model().changes();
        Job job = Job.create(Messages.Demo_loading, (IProgressMonitor monitor) -> {
            MapModel read = new MapModel();
            try {
                read.addRaster(dir.resolve("biomass_2010.tif"), null, Messages.Demo_biomass, "carbon", 0, 8, "kgC/m2"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                read.addVector(dir.resolve("china.geojson"), Messages.Demo_china, new java.awt.Color(0x33, 0x33, 0x33), 1f, null); //$NON-NLS-1$
                read.addVector(dir.resolve("pas.gpkg"), Messages.Demo_pas, new java.awt.Color(0xb7, 0x1c, 0x1c), 1f, //$NON-NLS-1$
                        new java.awt.Color(0xb7, 0x1c, 0x1c, 40));
                LayerSources.add(read, "basemap:countries"); // the neighbours and the sea around the region, offline //$NON-NLS-1$
            } catch (GisException e) {
                read.clear();
                return new Status(IStatus.ERROR, "org.pacarbon.map.ui", "Cannot open the demo data: " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
            }
            display.asyncExec(() -> {
                if (map.canvas().isDisposed() || map.model().changes() != at) {
                    read.clear();
                    return;
                }
                map.model().addAll(read);
            });
            return Status.OK_STATUS;
        });
        job.schedule();
    }

    /** Where the map is kept between sessions: the workspace's {@code .pacarbon/last.pamap} (null without a workspace). */
    static @Nullable Path lastMapFile() {
        try {
            org.eclipse.osgi.service.datalocation.Location ws = org.eclipse.core.runtime.Platform.getInstanceLocation();
            if (ws != null && ws.isSet()) {
                return Path.of(ws.getURL().toURI()).resolve(".pacarbon").resolve("last.pamap"); //$NON-NLS-1$ //$NON-NLS-2$
            }
        } catch (Exception e) {
            // no workspace: nothing kept
        }
        return null;
    }

    /** Keeps the map for the next session (quietly: a map whose layers cannot be recorded is simply not kept). */
    static void keepForNextSession(MapView map) {
        Path last = lastMapFile();
        if (last == null) {
            return;
        }
        try {
            if (map.layers().isEmpty()) {
                Files.deleteIfExists(last);
                return;
            }
            Files.createDirectories(last.getParent());
            map.model().save(last, map.extent());
        } catch (GisException | java.io.IOException | RuntimeException e) {
            // not kept
        }
    }
}
