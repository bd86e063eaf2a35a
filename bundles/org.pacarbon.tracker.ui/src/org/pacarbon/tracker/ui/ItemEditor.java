package org.pacarbon.tracker.ui;

import org.eclipse.jdt.annotation.Nullable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.pacarbon.tracker.core.Change;
import org.pacarbon.tracker.core.Evidence;
import org.pacarbon.tracker.core.Field;
import org.pacarbon.tracker.core.Item;
import org.pacarbon.tracker.core.Kind;
import org.pacarbon.tracker.core.Note;
import org.pacarbon.tracker.core.Priority;
import org.pacarbon.tracker.core.Status;
import org.pacarbon.tracker.core.TrackerException;

/**
 * The form of the selected item: every field, with inline messages for bad values; its evidence (add, open,
 * remove), notes and history. A text field is saved when the user presses Enter or leaves it; a choice when it is
 * made.
 */
final class ItemEditor {
    private static final String ID = TrackerView.ID + ".form";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final TrackerView view;
    private final ScrolledComposite scroll;
    private final Composite form;
    private final Label header;
    private final Label hint;
    private final Text title;
    private final Text titleZh;
    private final Combo status;
    private final Combo priority;
    private final Text owner;
    private final Text due;
    private final Text tags;
    private final Text pas;
    private final Text description;
    private final Label message;
    private final Table evidence;
    private final Table notes;
    private final Text note;
    private final Table history;
    private final Color red;
    private Item item;
    private boolean showing;

    ItemEditor(Composite parent, TrackerView view) {
        this.view = view;
        red = new Color(183, 28, 28);
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        form = new Composite(scroll, SWT.NONE);
        form.setData(TrackerView.WIDGET_ID_KEY, ID);
        form.setLayout(new GridLayout(2, false));
        scroll.setContent(form);
        header = new Label(form, SWT.WRAP);
        header.setData(TrackerView.WIDGET_ID_KEY, ID + ".header");
        header.setFont(view.boldFont());
        header.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        hint = new Label(form, SWT.WRAP);
        hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));

        title = text(Messages.Form_title, "title", SWT.BORDER, Field.TITLE);
        titleZh = text(Messages.Form_titleZh, "titleZh", SWT.BORDER, Field.TITLE_ZH);
        status = combo(Messages.Form_status, "status", Field.STATUS);
        for (Status s : Status.values()) {
            status.add(Labels.status(s));
        }
        priority = combo(Messages.Form_priority, "priority", Field.PRIORITY);
        for (Priority p : Priority.values()) {
            priority.add(Labels.priority(p));
        }
        owner = text(Messages.Form_owner, "owner", SWT.BORDER, Field.OWNER);
        due = text(Messages.Form_due, "due", SWT.BORDER, Field.DUE);
        tags = text(Messages.Form_tags, "tags", SWT.BORDER, Field.TAGS);
        pas = text(Messages.Form_pas, "pas", SWT.BORDER, Field.PAS);
        description = text(Messages.Form_description, "description", SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL,
                Field.DESCRIPTION);
        ((GridData) description.getLayoutData()).heightHint = 54;
        message = new Label(form, SWT.WRAP);
        message.setData(TrackerView.WIDGET_ID_KEY, ID + ".message");
        message.setForeground(red);
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));

        section(Messages.Form_evidence);
        evidence = table("evidence", 70, Messages.Ev_type, Messages.Ev_label, Messages.Ev_target);
        evidence.addListener(SWT.DefaultSelection, e -> openEvidence());
        Composite evButtons = new Composite(form, SWT.NONE);
        evButtons.setLayout(new GridLayout(3, false));
        evButtons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        button(evButtons, Messages.Ev_add, "addEvidence", this::addEvidence);
        button(evButtons, Messages.Ev_open, "openEvidence", this::openEvidence);
        button(evButtons, Messages.Ev_remove, "removeEvidence", this::removeEvidence);

        section(Messages.Form_notes);
        notes = table("notes", 70, Messages.Note_when, Messages.Note_who, Messages.Note_text);
        note = new Text(form, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        note.setData(TrackerView.WIDGET_ID_KEY, ID + ".newNote");
        GridData nd = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        nd.heightHint = 36;
        note.setLayoutData(nd);
        Composite noteButtons = new Composite(form, SWT.NONE);
        noteButtons.setLayout(new GridLayout(1, false));
        noteButtons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        button(noteButtons, Messages.Note_add, "addNote", this::addNote);

        section(Messages.Form_history);
        history = table("history", 80, Messages.Note_when, Messages.Note_who, Messages.Hist_field, Messages.Hist_change);
        scroll.addListener(SWT.Resize, e -> resize());
        show(null);
    }

    /** The control of each field: a field's problem is shown right under it. */
    private final java.util.Map<Field, org.eclipse.swt.widgets.Control> fieldControls = new java.util.EnumMap<>(Field.class);

    /** Shows a problem in the form's message line, moved right under the control it is about (null: its usual place). */
    private void problem(String text, org.eclipse.swt.widgets.Control under) {
        message.setText(text);
        message.moveBelow(under != null ? under : description);
        form.layout(true, true);
    }

    private Text text(String label, String key, int style, Field field) {
        Label l = new Label(form, SWT.NONE);
        l.setText(label);
        l.setLayoutData(new GridData(SWT.LEFT, (style & SWT.MULTI) != 0 ? SWT.TOP : SWT.CENTER, false, false));
        Text t = new Text(form, style);
        fieldControls.put(field, t);
        t.setData(TrackerView.WIDGET_ID_KEY, ID + "." + key);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        if ((style & SWT.MULTI) == 0) {
            t.addListener(SWT.DefaultSelection, e -> commit(field, t.getText()));
        }
        t.addListener(SWT.FocusOut, e -> commit(field, t.getText()));
        t.addListener(SWT.Modify, e -> {
            if (!showing) {
                message.setText("");
            }
        });
        return t;
    }

    private Combo combo(String label, String key, Field field) {
        Label l = new Label(form, SWT.NONE);
        l.setText(label);
        Combo c = new Combo(form, SWT.READ_ONLY);
        fieldControls.put(field, c);
        c.setData(TrackerView.WIDGET_ID_KEY, ID + "." + key);
        c.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        c.addListener(SWT.Selection, e -> {
            int i = c.getSelectionIndex();
            if (i >= 0) {
                commit(field, field == Field.STATUS ? Status.values()[i].key() : Priority.values()[i].key());
            }
        });
        return c;
    }

    private void section(String name) {
        Label l = new Label(form, SWT.NONE);
        l.setText(name);
        l.setFont(view.boldFont());
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        gd.verticalIndent = 8;
        l.setLayoutData(gd);
    }

    private Table table(String key, int height, String... columns) {
        Table t = new Table(form, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        t.setData(TrackerView.WIDGET_ID_KEY, ID + "." + key);
        t.setHeaderVisible(true);
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        gd.heightHint = height;
        t.setLayoutData(gd);
        for (String c : columns) {
            TableColumn col = new TableColumn(t, SWT.LEFT);
            col.setText(c);
            col.setWidth(c.equals(columns[columns.length - 1]) ? 260 : 100);
        }
        return t;
    }

    private void button(Composite parent, String text, String key, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setData(TrackerView.WIDGET_ID_KEY, ID + "." + key);
        b.addListener(SWT.Selection, e -> action.run());
    }

    private void resize() {
        int w = scroll.getClientArea().width;
        Point size = form.computeSize(Math.max(w, 300), SWT.DEFAULT);
        scroll.setMinSize(size);
    }

    /** Whether the user is typing in a field (a reload now would take their text away). */
    boolean isEditing() {
        Control f = form.getDisplay().getFocusControl();
        return f instanceof Text && f.getParent() == form;
    }

    void focusTitle() {
        title.setFocus();
        title.selectAll();
    }

    /** Shows an item (null: nothing selected). */
    void show(@Nullable Item i) {
        if (form.isDisposed()) {
            return;
        }
        showing = true;
        try {
            boolean same = item != null && i != null && item.id() == i.id();
            item = i;
            for (Control c : form.getChildren()) {
                if (c != header) {
                    c.setVisible(i != null);
                }
            }
            if (i == null) {
                header.setText(Messages.Form_none);
                return;
            }
            header.setText(i.code() + "  \u00b7  " + Labels.kind(i.kind()) + "\n" + i.title(view.locale()));
            boolean task = i.kind() == Kind.TASK;
            hint.setText(task ? "" : Messages.Form_definedBy);
            set(title, i.title(), same);
            set(titleZh, i.titleZh(), same);
            title.setEditable(task);
            titleZh.setEditable(task);
            description.setEditable(task);
            status.select(i.status().ordinal());
            priority.select(i.priority().ordinal());
            set(owner, i.owner(), same);
            set(due, i.dueText(), same);
            due.setForeground(i.overdue(LocalDate.now()) ? red : null);
            due.setToolTipText(i.overdue(LocalDate.now()) ? NLS.bind(Messages.Form_overdue, i.due()) : null);
            set(tags, String.join(", ", i.tags()), same);
            set(pas, String.join(", ", i.pas()), same);
            set(description, i.description(), same);
            if (!same) {
                message.setText("");
            }
            fillTables(i);
        } finally {
            showing = false;
            form.layout(true, true);
            resize();
        }
    }

    /** Sets a field's text unless the user is typing in it. */
    private void set(Text t, String value, boolean same) {
        if (!(same && t.isFocusControl()) && !t.getText().equals(value)) {
            t.setText(value);
        }
    }

    private void fillTables(Item i) {
        try {
            evidence.removeAll();
            for (Evidence e : view.openStore().evidence(i.id())) {
                TableItem r = new TableItem(evidence, SWT.NONE);
                r.setText(new String[] {e.type().key(), e.label(), e.target() + (e.extent().isEmpty() ? "" : "  [" + e.extent() + "]")});
                r.setData(e);
            }
            notes.removeAll();
            for (Note n : view.openStore().notes(i.id())) {
                TableItem r = new TableItem(notes, SWT.NONE);
                r.setText(new String[] {WHEN.format(n.at()), n.author(), n.text().replace('\n', ' ')});
                r.setData(n);
            }
            history.removeAll();
            List<Change> h = view.openStore().history(i.id());
            for (int k = h.size() - 1; k >= 0; k--) {
                Change c = h.get(k);
                TableItem r = new TableItem(history, SWT.NONE);
                r.setText(new String[] {WHEN.format(c.at()), c.who(), c.field(),
                    (c.oldValue().isEmpty() ? "" : c.oldValue() + " \u2192 ") + c.newValue()});
            }
            fitColumns(evidence);
            fitColumns(notes);
            fitColumns(history);
        } catch (TrackerException e) {
            message.setText(e.getMessage());
        }
    }

    /**
     * Every column but the last as wide as its header and rows need, between {@value #MIN_COLUMN} and
     * {@value #MAX_COLUMN} pixels (a label such as "assessment run output" was cut at a fixed 100).
     */
    private static void fitColumns(Table t) {
        TableColumn[] cols = t.getColumns();
        for (int k = 0; k < cols.length - 1; k++) {
            org.pacarbon.ui.common.TableColumns.fit(cols[k], MIN_COLUMN, MAX_COLUMN);
        }
    }

    private static final int MIN_COLUMN = 60;
    private static final int MAX_COLUMN = 240;

    private void commit(Field field, String value) {
        if (showing || item == null || view.store() == null) {
            return;
        }
        Item current = view.item(item.id());
        if (current == null) {
            return;
        }
        String normalized;
        try {
            normalized = field.normalize(value);
        } catch (TrackerException e) {
            problem(e.getMessage(), fieldControls.get(field)); // under the field, not at the bottom of the form
            return;
        }
        if (normalized.equals(field.get(current))) {
            return;
        }
        message.setText("");
        view.execute(new Ops.SetField(view.openStore(), view.undoContext(), current, field, normalized));
    }

    private void addNote() {
        if (item == null || note.getText().isBlank()) {
            return;
        }
        if (view.execute(new Ops.AddNote(view.openStore(), view.undoContext(), item.id(), note.getText()))) {
            note.setText("");
        }
    }

    private void addEvidence() {
        if (item == null) {
            return;
        }
        EvidenceDialog d = new EvidenceDialog(form.getShell());
        if (d.open() == EvidenceDialog.OK) {
            view.linkEvidence(item.id(), d.type(), d.target(), d.label(), d.extent());
        }
    }

    private @Nullable Evidence selectedEvidence() {
        TableItem[] s = evidence.getSelection();
        if (s.length == 1 && s[0].getData() instanceof Evidence e) {
            return e;
        }
        return evidence.getItemCount() == 1 ? (Evidence) evidence.getItem(0).getData() : null;
    }

    private void openEvidence() {
        Evidence e = selectedEvidence();
        if (e != null) {
            EvidenceOpener.open(form.getShell(), e, view.getSite().getPage(), view.file());
        }
    }

    private void removeEvidence() {
        Evidence e = selectedEvidence();
        if (e != null) {
            view.execute(new Ops.RemoveEvidence(view.openStore(), view.undoContext(), e));
        }
    }
}
