package org.pacarbon.ui.common;

import java.awt.image.BufferedImage;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

/** Pictures drawn with Java2D (maps, charts) as SWT image data, for a canvas or the clipboard. */
public final class SwtImages {
    private SwtImages() {
    }

    /** The image as 24-bit RGB image data (alpha dropped: callers draw onto an opaque background first). */
    public static ImageData toImageData(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        ImageData data = new ImageData(w, h, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                row[x] &= 0xFFFFFF;
            }
            data.setPixels(0, y, w, row, 0);
        }
        return data;
    }
}
