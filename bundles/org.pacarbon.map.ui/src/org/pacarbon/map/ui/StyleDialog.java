package org.pacarbon.map.ui;

import org.eclipse.jdt.annotation.Nullable;
import org.pacarbon.gis.core.raster.RasterSource;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.map.core.Classification;
import org.pacarbon.map.core.ColorRamp;
import org.pacarbon.map.core.MapLayer;
import org.pacarbon.map.core.RasterStyle;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The style of a raster layer: colour ramp (with a preview), stretch (min, max, log scale, or 2-98 % of the
 * values), and classification (continuous, equal interval, quantile, natural breaks with N classes).
 */
final class StyleDialog extends TitleAreaDialog {
    static final String ID = MapView.ID + ".style";
    private final MapLayer layer;
    /** The layer's raster and style when the dialog opened (a style dialog is only for raster layers). */
    private final RasterSource raster;
    private final RasterStyle style;
    private Combo ramp;
    private Canvas preview;
    private Text min;
    private Text max;
    private Button log;
    private Combo classes;
    private Spinner count;
    private @Nullable RasterStyle result;

    StyleDialog(Shell parent, MapLayer layer) {
        super(parent);
        this.layer = layer;
        RasterSource r = layer.raster();
        RasterStyle st = layer.style();
        if (r == null || st == null) {
            throw new IllegalArgumentException("layer " + layer.name() + " is not a raster layer");
        }
        this.raster = r;
        this.style = st;
    }

    @Override
    @NonNullByDefault({})
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.StyleOf + " " + layer.name());
        shell.setData(MapView.WIDGET_ID_KEY, ID);
    }

    @Override
    @NonNullByDefault({})
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.StyleOf + " " + layer.name());
        setMessage(Messages.StyleMsg);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        RasterStyle s = style;
        new Label(c, SWT.NONE).setText(Messages.Ramp);
        ramp = new Combo(c, SWT.READ_ONLY);
        ramp.setData(MapView.WIDGET_ID_KEY, ID + ".ramp");
        List<String> presets = ColorRamp.presets();
        presets.forEach(k -> ramp.add(rampName(k)));
        ramp.setData(presets);
        ramp.select(Math.max(0, presets.indexOf(s.ramp().name())));
        ramp.addListener(SWT.Selection, e -> preview.redraw());
        preview = new Canvas(c, SWT.BORDER);
        GridData pd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        pd.widthHint = 200;
        pd.heightHint = 18;
        preview.setLayoutData(pd);
        preview.addListener(SWT.Paint, e -> {
            ColorRamp r = ColorRamp.preset(rampKey());
            org.eclipse.swt.graphics.Rectangle a = preview.getClientArea();
            for (int x = 0; x < a.width; x++) {
                java.awt.Color col = r.at(a.width == 1 ? 0 : x / (double) (a.width - 1));
                org.eclipse.swt.graphics.Color sc = new org.eclipse.swt.graphics.Color(new RGB(col.getRed(), col.getGreen(), col.getBlue()));
                e.gc.setForeground(sc);
                e.gc.drawLine(x, 0, x, a.height);
            }
        });
        new Label(c, SWT.NONE).setText(Messages.Min);
        min = text(c, "min", s.min());
        new Label(c, SWT.NONE).setText(Messages.Max);
        max = text(c, "max", s.max());
        Button stretch = new Button(c, SWT.PUSH);
        stretch.setText(Messages.Stretch);
        stretch.setData(MapView.WIDGET_ID_KEY, ID + ".stretch");
        stretch.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 3, 1));
        stretch.addListener(SWT.Selection, e -> {
            try {
                double[] q = Classification.sampledQuantiles(raster, log.getSelection());
                if (q != null) {
                    min.setText(format(q[1]));
                    max.setText(format(q[q.length - 2]));
                }
            } catch (GisException ex) {
                setErrorMessage(ex.getMessage());
            }
        });
        log = new Button(c, SWT.CHECK);
        log.setText(Messages.Log);
        log.setData(MapView.WIDGET_ID_KEY, ID + ".log");
        log.setSelection(s.log());
        log.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 3, 1));
        new Label(c, SWT.NONE).setText(Messages.Classes);
        classes = new Combo(c, SWT.READ_ONLY);
        classes.setData(MapView.WIDGET_ID_KEY, ID + ".classes");
        classes.setItems(Messages.Continuous, Messages.EqualInterval, Messages.Quantile, Messages.NaturalBreaks);
        classes.select(s.breaks() == null ? 0 : 1);
        count = new Spinner(c, SWT.BORDER);
        count.setData(MapView.WIDGET_ID_KEY, ID + ".count");
        double[] sb = s.breaks();
        count.setValues(sb == null ? 5 : sb.length - 1, 2, 12, 0, 1, 1);
        return area;
    }

    /** The preset key of the chosen ramp (the combo shows the names in the user's language). */
    @SuppressWarnings("unchecked")
    private String rampKey() {
        List<String> keys = (List<String>) ramp.getData();
        return keys.get(Math.max(0, ramp.getSelectionIndex()));
    }

    /** A preset ramp's name in the user's language (the key itself when there is no translation). */
    static String rampName(String key) {
        return switch (key) {
            case "carbon" -> Messages.RampCarbon;
            case "npp" -> Messages.RampNpp;
            case "emissions" -> Messages.RampEmissions;
            case "viridis" -> Messages.RampViridis;
            case "greys" -> Messages.RampGreys;
            case "change" -> Messages.RampChange;
            default -> key;
        };
    }

    private Text text(Composite c, String key, double v) {
        Text t = new Text(c, SWT.BORDER);
        t.setData(MapView.WIDGET_ID_KEY, ID + "." + key);
        t.setText(format(v));
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        t.addListener(SWT.Modify, e -> validate());
        return t;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    private boolean validate() {
        String problem = null;
        try {
            double a = Double.parseDouble(min.getText().strip());
            double b = Double.parseDouble(max.getText().strip());
            if (!(b > a)) {
                problem = Messages.MaxAboveMin;
            } else if (log != null && log.getSelection() && a <= 0) {
                problem = Messages.LogMin;
            }
        } catch (NumberFormatException e) {
            problem = Messages.Numbers;
        }
        setErrorMessage(problem);
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
        }
        return problem == null;
    }

    @Override
    @NonNullByDefault({})
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setData(MapView.WIDGET_ID_KEY, ID + ".ok");
    }

    @Override
    protected void okPressed() {
        if (!validate()) {
            return;
        }
        double a = Double.parseDouble(min.getText().strip());
        double b = Double.parseDouble(max.getText().strip());
        double[] breaks = null;
        int n = count.getSelection();
        try {
            switch (classes.getSelectionIndex()) {
                case 1 -> breaks = Classification.equalInterval(a, b, n);
                case 2, 3 -> {
                    double[] sample = Classification.sampledQuantiles(raster, log.getSelection());
                    if (sample != null) {
                        double[] within = Arrays.stream(sample).filter(x -> x >= a && x <= b).toArray();
                        breaks = classes.getSelectionIndex() == 2 ? Classification.quantile(within, n)
                                : Classification.naturalBreaks(within, n);
                    }
                }
                default -> breaks = null;
            }
        } catch (GisException | RuntimeException e) {
            setErrorMessage(Messages.ClassesFailed + e.getMessage());
            return;
        }
        result = new RasterStyle(ColorRamp.preset(rampKey()), a, b, log.getSelection(), breaks, style.unit());
        super.okPressed();
    }

    @Nullable RasterStyle result() {
        return result;
    }
}
