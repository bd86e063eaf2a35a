package org.pacarbon.map.ui;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Display;
import org.locationtech.jts.geom.Geometry;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.map.core.MapLayer;
import org.pacarbon.map.core.MapRenderer;

/**
 * Draws layers into an image with the headless renderer in a background job (never on the UI thread); a newer
 * drawing cancels an older one, and an older one that finishes late is dropped.
 */
final class MapPainter {
    /** The colour of highlighted features (cyan: apart from every ramp and the PA reds). */
    static final Color HIGHLIGHT = new Color(0x00, 0xd0, 0xff);
    static final Color BACKGROUND = new Color(0xe8, 0xf0, 0xf6);

    private Job job;
    private volatile long generation;
    private volatile long finished;
    private volatile int previews;

    /** @return how many coarse previews were shown (big rasters drawn before their overviews were made) */
    int previews() {
        return previews;
    }

    /**
     * Draws {@code layers} (bottom first) and {@code highlight} (or null) for the view; hands the image and its SWT
     * form to {@code done} on the UI thread unless a newer drawing started or {@code gone} says the canvas went away.
     */
    void draw(MapRenderer.View v, List<MapLayer> layers, Geometry highlight, Display display, BooleanSupplier gone,
            BiConsumer<BufferedImage, ImageData> done) {
        cancel();
        long gen = ++generation;
        job = Job.create("Drawing the map", (IProgressMonitor monitor) -> { //$NON-NLS-1$
            // a big raster seen for the first time at a small scale: a coarse preview (an eighth of the file decoded)
            // is shown while its overviews are computed, then the exact picture replaces it
            try {
                if (layers.stream().anyMatch(l -> l.previewFirst(v))) {
                    BufferedImage pre = new BufferedImage(v.width(), v.height(), BufferedImage.TYPE_INT_RGB);
                    Graphics2D g = pre.createGraphics();
                    try {
                        g.setColor(BACKGROUND);
                        g.fillRect(0, 0, v.width(), v.height());
                        for (MapLayer l : layers) {
                            l.paintPreview(g, v);
                        }
                    } finally {
                        g.dispose();
                    }
                    if (monitor.isCanceled() || gen != generation) {
                        return Status.CANCEL_STATUS;
                    }
                    deliver(pre, gen, true, display, gone, done);
                }
            } catch (GisException e) {
                // no preview: the exact drawing below reports what is wrong
            }
            BufferedImage img = new BufferedImage(v.width(), v.height(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, v.width(), v.height());
            try {
                for (MapLayer l : layers) {
                    if (monitor.isCanceled()) {
                        return Status.CANCEL_STATUS;
                    }
                    l.paint(g, v);
                }
                if (highlight != null) { // selected or identified features, above every layer
                    MapRenderer.outlines(g, highlight, v, HIGHLIGHT, 3f, new Color(HIGHLIGHT.getRed(), HIGHLIGHT.getGreen(), HIGHLIGHT.getBlue(), 60));
                }
            } catch (GisException e) {
                // a layer closed while this drawing ran (the view or the layer went away, or a newer drawing started)
                if (monitor.isCanceled() || gen != generation || display.isDisposed() || closedUnderneath(e)) {
                    return Status.CANCEL_STATUS;
                }
                return new Status(IStatus.ERROR, "org.pacarbon.map.ui", "Drawing the map failed: " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
            } finally {
                g.dispose();
            }
            if (monitor.isCanceled() || gen != generation) {
                return Status.CANCEL_STATUS;
            }
            deliver(img, gen, false, display, gone, done);
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule(30);
    }

    /** Hands a drawn picture to {@code done} on the UI thread, unless a newer drawing started or the canvas went away. */
    private void deliver(BufferedImage img, long gen, boolean preview, Display display, BooleanSupplier gone,
            BiConsumer<BufferedImage, ImageData> done) {
        ImageData data = org.pacarbon.ui.common.SwtImages.toImageData(img);
        display.asyncExec(() -> {
            if (!gone.getAsBoolean() && gen == generation) {
                if (preview) {
                    previews++;
                }
                done.accept(img, data);
                if (!preview) {
                    finished = gen;
                }
            }
        });
    }

    /** @return true when the latest drawing asked for was handed over finished (not only its preview; not running, failed or cancelled) */
    boolean latestDelivered() {
        return finished == generation;
    }

    void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    private static boolean closedUnderneath(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }
}
