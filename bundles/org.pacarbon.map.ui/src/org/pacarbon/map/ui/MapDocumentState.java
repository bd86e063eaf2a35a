package org.pacarbon.map.ui;

import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.MessageDialog;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.map.core.MapModel;

/**
 * Which map document (.pamap) the Map view shows and whether it changed since it was opened or saved: what makes the
 * view dirty (a star on its tab, File &gt; Save, and the question on closing the view or leaving the program). A map
 * with no document of the user's (the demo, the last session's map, a cleared map) is never dirty: the workbench
 * keeps it for the next session by itself. Saving it is here too (File &gt; Save, the question on close).
 */
final class MapDocumentState {
    /**
     * System property: {@code false} stops the question on exit (automatic test runs, which end the workbench
     * themselves); the star and File &gt; Save still work.
     */
    static final String ASK_ON_EXIT = "pacarbon.map.askOnExit"; //$NON-NLS-1$
    private final MapModel model;
    private volatile @Nullable Path document;
    private volatile long savedAt;

    MapDocumentState(MapModel model) {
        this.model = model;
    }

    /** The map now is the document {@code file} as it is on disk (just opened or saved); null: no document. */
    void now(@Nullable Path file) {
        document = file;
        savedAt = model.changes();
    }

    @Nullable Path document() {
        return document;
    }

    boolean dirty() {
        return document != null && model.changes() != savedAt;
    }

    /** File &gt; Save and the question on close: writes the map to its document; a failure says why and stays dirty. */
    void save(MapView view, @Nullable IProgressMonitor monitor) {
        Path doc = document;
        if (doc == null) {
            return; // a map of no document is never dirty
        }
        try {
            view.saveDocument(doc);
        } catch (GisException e) {
            MessageDialog.openError(view.canvas().getShell(), Messages.SaveMap, e.getMessage());
            if (monitor != null) {
                monitor.setCanceled(true); // the workbench does not close
            }
        }
    }

    static boolean askOnExit() {
        return !"false".equalsIgnoreCase(System.getProperty(ASK_ON_EXIT)); //$NON-NLS-1$
    }
}
