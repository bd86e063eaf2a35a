package org.pacarbon.internal.app;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.jface.preference.IPreferenceStore;

/** Sane defaults for the general preferences. */
public final class PreferenceInitializer extends AbstractPreferenceInitializer {
    /** Folder where outputs go unless a tool is told otherwise. */
    public static final String OUTPUT_FOLDER = "outputFolder"; //$NON-NLS-1$
    /** Worker threads for zonal statistics; 0 means one per core. */
    public static final String WORKER_THREADS = "workerThreads"; //$NON-NLS-1$
    /** Ask before closing the workbench. */
    public static final String CONFIRM_EXIT = "confirmExit"; //$NON-NLS-1$
    /** Resolution of exported figures. */
    public static final String FIGURE_DPI = "figureDpi"; //$NON-NLS-1$

    /** Update sites for Help > Check for Updates (URLs or folders); an institute's branding presets it. */
    public static final String UPDATE_SITE = "updateSite"; //$NON-NLS-1$

    @Override
    public void initializeDefaultPreferences() {
        IPreferenceStore store = Activator.getDefault().getPreferenceStore();
        store.setDefault(OUTPUT_FOLDER, System.getProperty("user.home") + "/pacarbon-output"); //$NON-NLS-1$ //$NON-NLS-2$
        store.setDefault(WORKER_THREADS, 0);
        store.setDefault(CONFIRM_EXIT, false);
        store.setDefault(FIGURE_DPI, 300);
        store.setDefault(UPDATE_SITE, ""); //$NON-NLS-1$
    }
}
