package org.pacarbon.ui.common;

import org.eclipse.swt.widgets.TableColumn;

/** Table columns sized to what they show. */
public final class TableColumns {
    private TableColumns() {
    }

    /** Makes {@code c} as wide as its header and cells need, kept between {@code min} and {@code max} pixels. */
    public static void fit(TableColumn c, int min, int max) {
        c.pack();
        c.setWidth(Math.max(min, Math.min(max, c.getWidth())));
    }
}
