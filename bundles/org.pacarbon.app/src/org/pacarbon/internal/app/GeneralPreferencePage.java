package org.pacarbon.internal.app;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.jdt.annotation.NonNullByDefault;

/** General PA-Carbon preferences: output folder, threads, figure resolution, update site, exit confirmation. */
public final class GeneralPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    /** Creates the page with a grid layout of field editors. */
    public GeneralPreferencePage() {
        super(GRID);
        setDescription(Messages.Prefs_description);
    }

    @Override
    @NonNullByDefault({})
    public void init(IWorkbench workbench) {
        setPreferenceStore(Activator.getDefault().getPreferenceStore());
    }

    @Override
    protected void createFieldEditors() {
        addField(new DirectoryFieldEditor(PreferenceInitializer.OUTPUT_FOLDER, Messages.Prefs_outputFolder, getFieldEditorParent()));
        IntegerFieldEditor threads = new IntegerFieldEditor(PreferenceInitializer.WORKER_THREADS, Messages.Prefs_threads, getFieldEditorParent());
        threads.setValidRange(0, 256);
        addField(threads);
        IntegerFieldEditor dpi = new IntegerFieldEditor(PreferenceInitializer.FIGURE_DPI, Messages.Prefs_dpi, getFieldEditorParent());
        dpi.setValidRange(72, 1200);
        addField(dpi);
        addField(new StringFieldEditor(PreferenceInitializer.UPDATE_SITE, Messages.Prefs_updateSite, getFieldEditorParent()));
        addField(new BooleanFieldEditor(PreferenceInitializer.CONFIRM_EXIT, Messages.Prefs_confirmExit, getFieldEditorParent()));
    }
}
