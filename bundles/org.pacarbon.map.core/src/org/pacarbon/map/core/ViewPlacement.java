package org.pacarbon.map.core;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Where a picture drawn for one view of the map lies in another view: what a map canvas shows while the picture of a
 * new extent is being drawn (zoomed out, the old picture shrinks into its place; zoomed in, its part under the new
 * extent is enlarged; panned, it moves), instead of the old picture under the new extent's scale.
 */
public final class ViewPlacement {
    private ViewPlacement() {
    }

    /**
     * @return {srcX, srcY, srcWidth, srcHeight, dstX, dstY, dstWidth, dstHeight}: the part of {@code drawn}'s picture
     *         that {@code now}'s pixels show, and where; the source part is whole pixels of the picture and the
     *         destination may reach past the canvas by less than one enlarged pixel. Null when nothing of the picture
     *         is in view, or when the views do not make sense (an empty extent).
     */
    public static int @Nullable [] of(MapRenderer.View drawn, MapRenderer.View now) {
        if (drawn.width() <= 0 || drawn.height() <= 0 || now.width() <= 0 || now.height() <= 0 || drawn.extent().isNull()
                || now.extent().isNull()) {
            return null;
        }
        // the drawn picture's corners in the new view's pixels
        double x0 = now.px(drawn.extent().getMinX()), x1 = now.px(drawn.extent().getMaxX());
        double y0 = now.py(drawn.extent().getMaxY()), y1 = now.py(drawn.extent().getMinY());
        double kx = (x1 - x0) / drawn.width(), ky = (y1 - y0) / drawn.height(); // new pixels per drawn pixel
        if (!(kx > 0) || !(ky > 0) || !Double.isFinite(kx) || !Double.isFinite(ky)) {
            return null;
        }
        // the picture's pixels under the canvas, whole pixels
        int sx0 = (int) Math.max(0, Math.floor(-x0 / kx)), sy0 = (int) Math.max(0, Math.floor(-y0 / ky));
        int sx1 = (int) Math.min(drawn.width(), Math.ceil((now.width() - x0) / kx));
        int sy1 = (int) Math.min(drawn.height(), Math.ceil((now.height() - y0) / ky));
        if (sx1 <= sx0 || sy1 <= sy0) {
            return null;
        }
        int dx0 = (int) Math.round(x0 + sx0 * kx), dy0 = (int) Math.round(y0 + sy0 * ky);
        int dx1 = (int) Math.round(x0 + sx1 * kx), dy1 = (int) Math.round(y0 + sy1 * ky);
        if (dx1 <= dx0 || dy1 <= dy0) {
            return null;
        }
        return new int[] {sx0, sy0, sx1 - sx0, sy1 - sy0, dx0, dy0, dx1 - dx0, dy1 - dy0};
    }
}
