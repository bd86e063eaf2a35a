package org.pacarbon.tracker.ui;

import java.util.Map;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.pacarbon.tracker.core.Evidence;
import org.pacarbon.tracker.core.Field;
import org.pacarbon.tracker.core.Item;
import org.pacarbon.tracker.core.Note;
import org.pacarbon.tracker.core.TrackerException;
import org.pacarbon.tracker.core.TrackerStore;
import org.eclipse.jdt.annotation.NonNullByDefault;

/** The tracker's edits as undoable operations (Edit > Undo, Ctrl+Z; Redo, Ctrl+Y). */
final class Ops {
    private Ops() {
    }

    interface Step {
        void run() throws TrackerException;
    }

    /** An edit that applies {@code redo} and reverts with {@code undo}; errors become the operation's status. */
    abstract static class TrackerOp extends AbstractOperation {
        protected final TrackerStore store;

        TrackerOp(String label, TrackerStore store, IUndoContext context) {
            super(label);
            this.store = store;
            addContext(context);
        }

        abstract void apply() throws TrackerException;

        abstract void revert() throws TrackerException;

        @Override
        @NonNullByDefault({})
        public IStatus execute(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
            return redo(monitor, info);
        }

        @Override
        @NonNullByDefault({})
        public IStatus redo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
            return run(this::apply);
        }

        @Override
        @NonNullByDefault({})
        public IStatus undo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
            return run(this::revert);
        }

        private static IStatus run(Step s) throws ExecutionException {
            try {
                s.run();
                return Status.OK_STATUS;
            } catch (TrackerException e) {
                throw new ExecutionException(e.getMessage(), e);
            }
        }
    }

    /** Sets one field of an item. */
    static final class SetField extends TrackerOp {
        private final long id;
        private final Field field;
        private final String before;
        private final String after;

        SetField(TrackerStore store, IUndoContext context, Item item, Field field, String after) {
            super(field.key() + " of " + item.code(), store, context);
            this.id = item.id();
            this.field = field;
            this.before = field.get(item);
            this.after = after;
        }

        @Override
        void apply() throws TrackerException {
            store.set(id, field, after);
        }

        @Override
        void revert() throws TrackerException {
            store.set(id, field, before);
        }
    }

    /** Adds a work item; undo deletes it, redo adds it again (with a new id). */
    static final class AddTask extends TrackerOp {
        private final long parent;
        private final String title;
        long added = -1;

        AddTask(TrackerStore store, IUndoContext context, long parent, String title) {
            super(Messages.Action_add, store, context);
            this.parent = parent;
            this.title = title;
        }

        @Override
        void apply() throws TrackerException {
            added = store.addTask(parent, title, Map.of()).id();
        }

        @Override
        void revert() throws TrackerException {
            store.delete(added);
        }
    }

    /** Adds a note. */
    static final class AddNote extends TrackerOp {
        private final long id;
        private final String text;
        private long note = -1;

        AddNote(TrackerStore store, IUndoContext context, long id, String text) {
            super(Messages.Note_add, store, context);
            this.id = id;
            this.text = text;
        }

        @Override
        void apply() throws TrackerException {
            Note n = store.addNote(id, text);
            note = n.id();
        }

        @Override
        void revert() throws TrackerException {
            store.deleteNote(note);
        }
    }

    /** Links evidence. */
    static final class AddEvidence extends TrackerOp {
        private final long id;
        private final Evidence.Type type;
        private final String target;
        private final String label;
        private final String extent;
        private long evidence = -1;

        AddEvidence(TrackerStore store, IUndoContext context, long id, Evidence.Type type, String target, String label,
                String extent) {
            super(Messages.Ev_add.replace("...", ""), store, context);
            this.id = id;
            this.type = type;
            this.target = target;
            this.label = label;
            this.extent = extent;
        }

        @Override
        void apply() throws TrackerException {
            evidence = store.addEvidence(id, type, target, label, extent).id();
        }

        @Override
        void revert() throws TrackerException {
            store.removeEvidence(evidence);
        }
    }

    /** Unlinks evidence; undo links it again. */
    static final class RemoveEvidence extends TrackerOp {
        private Evidence evidence;

        RemoveEvidence(TrackerStore store, IUndoContext context, Evidence e) {
            super(Messages.Ev_remove, store, context);
            this.evidence = e;
        }

        @Override
        void apply() throws TrackerException {
            store.removeEvidence(evidence.id());
        }

        @Override
        void revert() throws TrackerException {
            evidence = store.addEvidence(evidence.itemId(), evidence.type(), evidence.target(), evidence.label(),
                    evidence.extent());
        }
    }
}
