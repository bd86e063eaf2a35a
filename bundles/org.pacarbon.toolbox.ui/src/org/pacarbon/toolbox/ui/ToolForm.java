package org.pacarbon.toolbox.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.vector.VectorIO;
import org.pacarbon.toolbox.core.Param;
import org.pacarbon.toolbox.core.Tool;
import org.pacarbon.toolbox.core.ToolException;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The form of one tool, generated from its parameter declarations: a file field with a browse button for
 * rasters, vectors, files and outputs; a choice list for choices; the fields of the chosen vector file for field
 * parameters; a check box for booleans; a text field for the rest. Each value is checked as it is typed and a
 * problem shows in red under its field.
 */
final class ToolForm {
    static final String ID = ToolboxView.ID + ".form";
    /** Data key of a choice list: the values behind its (translated) entries. */
    private static final String CHOICES = ID + ".choices";
    private final Composite body;
    private final Tool tool;
    private final Path cwd;
    private final Map<String, Control> inputs = new LinkedHashMap<>();
    private final Map<String, Label> problems = new LinkedHashMap<>();
    private final Runnable changed;
    private final Color red;

    /**
     * @param texts a parameter with its label and hint in the user's language
     *              ({@link org.pacarbon.toolbox.core.ToolDescriptor#localized})
     * @param choiceLabel the entry shown for a value of a choice ({@link org.pacarbon.toolbox.core.ToolDescriptor#choiceLabel})
     */
    ToolForm(Composite parent, Tool tool, java.util.function.UnaryOperator<Param> texts,
            java.util.function.BiFunction<Param, String, String> choiceLabel, Map<String, String> initial, Path cwd,
            Runnable changed, java.util.function.Supplier<List<String>> mapRasters) {
        this.tool = tool;
        this.cwd = cwd;
        this.changed = changed;
        red = new Color(183, 28, 28);
        body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(3, false));
        for (Param raw : tool.params()) {
            Param p = texts.apply(raw);
            Label l = new Label(body, SWT.NONE);
            l.setText(p.label() + (p.unit().isEmpty() ? "" : " (" + p.unit() + ")") + (p.required() ? " *" : ""));
            l.setToolTipText(p.description());
            Control c;
            boolean browse = switch (p.type()) {
                case RASTER, VECTOR, FILE, OUTPUT_FILE, OUTPUT_FOLDER -> true;
                default -> false;
            };
            String start = initial.getOrDefault(p.name(), p.defaultText());
            if (p.type() == Param.Type.CHOICE) {
                Combo combo = new Combo(body, SWT.READ_ONLY);
                p.choices().forEach(v -> combo.add(choiceLabel.apply(p, v))); // shown in the user's language
                combo.setData(CHOICES, p.choices()); // the values the tool takes
                int i = p.choices().indexOf(start);
                combo.select(Math.max(0, i));
                combo.addListener(SWT.Selection, e -> validate());
                c = combo;
            } else if (p.type() == Param.Type.RASTER) {
                // a file, or one of the rasters on the open map
                Combo combo = new Combo(body, SWT.DROP_DOWN);
                mapRasters.get().forEach(combo::add);
                combo.setText(start);
                combo.addListener(SWT.Modify, e -> validate());
                c = combo;
            } else if (p.type() == Param.Type.FIELD || p.type() == Param.Type.TEXT && !p.of().isEmpty()) {
                Combo combo = new Combo(body, SWT.DROP_DOWN);
                combo.setText(start);
                combo.addListener(SWT.Modify, e -> validate());
                c = combo;
            } else if (p.type() == Param.Type.BOOLEAN) {
                Button b = new Button(body, SWT.CHECK);
                b.setSelection(Boolean.parseBoolean(start));
                b.addListener(SWT.Selection, e -> validate());
                c = b;
            } else {
                Text t = new Text(body, SWT.BORDER);
                t.setText(start);
                t.setMessage(p.description());
                t.addListener(SWT.Modify, e -> {
                    validate();
                    refreshFields(p.name());
                });
                c = t;
            }
            c.setData(ToolboxView.WIDGET_ID_KEY, ID + "." + p.name());
            c.setToolTipText(p.description());
            c.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, browse ? 1 : 2, 1));
            if (browse) {
                Button b = new Button(body, SWT.PUSH);
                b.setText("...");
                b.setToolTipText(Messages.ChooseFile);
                Control target = c;
                b.addListener(SWT.Selection, e -> browse(p, target));
            }
            inputs.put(p.name(), c);
            Label problem = new Label(body, SWT.WRAP);
            problem.setForeground(red);
            problem.setData(ToolboxView.WIDGET_ID_KEY, ID + "." + p.name() + ".problem");
            GridData pd = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
            pd.horizontalIndent = 12;
            pd.widthHint = 200;
            problem.setLayoutData(pd); // its line is kept when empty, so that fields do not move as problems come and go
            problems.put(p.name(), problem);
        }
        for (Param p : tool.params()) {
            refreshFields(p.name());
        }
        validate();
    }

    Composite control() {
        return body;
    }

    private void browse(Param p, Control t) {
        String chosen;
        if (p.type() == Param.Type.OUTPUT_FOLDER) {
            DirectoryDialog d = new DirectoryDialog(body.getShell());
            chosen = d.open();
        } else {
            FileDialog d = new FileDialog(body.getShell(), p.type() == Param.Type.OUTPUT_FILE ? SWT.SAVE : SWT.OPEN);
            d.setFilterExtensions(switch (p.type()) {
                case RASTER -> new String[] {"*.tif;*.tiff;*.nc", "*.*"};
                case VECTOR -> new String[] {"*.gpkg;*.shp;*.geojson;*.json", "*.*"};
                case FILE -> new String[] {"*.csv;*.json", "*.*"};
                default -> new String[] {"*.*"};
            });
            chosen = d.open();
        }
        if (chosen != null) {
            if (t instanceof Text text) {
                text.setText(chosen);
            } else if (t instanceof Combo combo) {
                combo.setText(chosen);
            }
        }
    }

    /** Field lists of vector files (and layer-key lists of specs) already read, by file, size and time (a file is read once, not per keystroke). */
    private static final Map<String, List<String>> FIELDS = java.util.Collections.synchronizedMap(
            new LinkedHashMap<String, List<String>>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                @NonNullByDefault({})
                protected boolean removeEldestEntry(Map.Entry<String, List<String>> e) {
                    return size() > 32;
                }
            });

    /**
     * Offers the fields of the vector file in {@code vectorParam} in the field lists that depend on it. The file is
     * read in a background job (a national PA file takes seconds), once per version of the file.
     */
    private void refreshFields(String vectorParam) {
        List<Param> dependents = tool.params().stream()
                .filter(p -> (p.type() == Param.Type.FIELD || p.type() == Param.Type.TEXT) && vectorParam.equals(p.of())).toList();
        boolean specKeys = dependents.stream().anyMatch(p -> p.type() == Param.Type.TEXT);
        if (dependents.isEmpty()) {
            return;
        }
        String file = text(vectorParam);
        Path f = file.isBlank() ? null : cwd.resolve(file);
        String key;
        try {
            key = f == null || !Files.isRegularFile(f) ? null
                    : f.toAbsolutePath() + "|" + Files.size(f) + "|" + Files.getLastModifiedTime(f).toMillis();
        } catch (java.io.IOException | RuntimeException e) {
            key = null;
        }
        if (key == null || f == null) {
            fillFields(dependents, List.of());
            return;
        }
        String cacheKey = (specKeys ? "layer keys|" : "") + key; // a file's fields and a spec's keys are cached apart
        List<String> cached = FIELDS.get(cacheKey);
        if (cached != null) {
            fillFields(dependents, cached);
            return;
        }
        org.eclipse.swt.widgets.Display display = body.getDisplay();
        org.eclipse.core.runtime.jobs.Job job = new org.eclipse.core.runtime.jobs.Job("Reading the fields of " + f.getFileName()) {
            @Override
            @NonNullByDefault({})
            protected org.eclipse.core.runtime.IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
                try {
                    List<String> fields = specKeys ? layerKeys(f) : VectorIO.read(f, null, null).fields();
                    FIELDS.put(cacheKey, fields);
                    display.asyncExec(() -> {
                        if (!body.isDisposed() && text(vectorParam).equals(file)) {
                            fillFields(dependents, fields);
                        }
                    });
                } catch (GisException | RuntimeException e) {
                    display.asyncExec(() -> {
                        if (!body.isDisposed() && text(vectorParam).equals(file)) {
                            problems.get(vectorParam).setText(e.getMessage());
                        }
                    });
                }
                return org.eclipse.core.runtime.Status.OK_STATUS;
            }
        };
        job.setSystem(true);
        job.schedule();
    }

    /** The layer keys of an assessment spec, in its order, each once (a layer with years is one key). */
    static List<String> layerKeys(Path spec) throws GisException {
        try {
            com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(spec.toFile());
            java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
            for (com.fasterxml.jackson.databind.JsonNode l : root.path("layers")) {
                if (l.hasNonNull("key")) {
                    keys.add(l.get("key").asText());
                }
            }
            return List.copyOf(keys);
        } catch (java.io.IOException | RuntimeException e) {
            throw new GisException(spec, "is not a readable assessment spec (" + e.getMessage() + ")", "a JSON spec with \"layers\"", e);
        }
    }

    private void fillFields(List<Param> dependents, List<String> fields) {
        for (Param p : dependents) {
            Combo combo = (Combo) inputs.get(p.name());
            String keep = combo.getText();
            combo.removeAll();
            fields.forEach(combo::add);
            combo.setText(keep);
        }
    }

    private String text(String name) {
        Control c = inputs.get(name);
        if (c instanceof Text t) {
            return t.getText();
        }
        if (c instanceof Combo co) {
            return co.getData(CHOICES) instanceof List<?> values && co.getSelectionIndex() >= 0
                    ? String.valueOf(values.get(co.getSelectionIndex())) : co.getText();
        }
        if (c instanceof Button b) {
            return Boolean.toString(b.getSelection());
        }
        return "";
    }

    /** The values in text form (empty optional fields are left out). */
    Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Param p : tool.params()) {
            String t = text(p.name()).strip();
            if (!t.isEmpty()) {
                m.put(p.name(), t);
            }
        }
        return m;
    }

    /** Checks every value, shows the problems, and returns whether all are good. */
    boolean validate() {
        boolean ok = true;
        for (Param p : tool.params()) {
            String t = text(p.name()).strip();
            String problem = "";
            if (t.isEmpty()) {
                if (p.required()) {
                    problem = Messages.Required;
                    ok = false;
                }
            } else {
                try {
                    p.parse(t, cwd);
                } catch (ToolException e) {
                    problem = e.getMessage().replaceFirst("^parameter --\\S+ \\([^)]*\\): ", "");
                    ok = false;
                }
            }
            Label l = problems.get(p.name());
            if (!l.getText().equals(problem)) {
                l.setText(problem);
                body.layout(true);
            }
        }
        if (changed != null) {
            changed.run();
        }
        return ok;
    }

    /** Sets a value (the robot and "edit and re-run" use it). */
    void set(String name, String value) {
        Control c = inputs.get(name);
        if (c instanceof Text t) {
            t.setText(value);
        } else if (c instanceof Combo co) {
            int i = co.getData(CHOICES) instanceof List<?> values ? values.indexOf(value) : co.indexOf(value);
            if (i >= 0) {
                co.select(i);
            } else {
                co.setText(value);
            }
        } else if (c instanceof Button b) {
            b.setSelection(Boolean.parseBoolean(value));
        }
        validate();
    }

    void dispose() {
        body.dispose();
    }
}
