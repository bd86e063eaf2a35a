package org.pacarbon.internal.app;

import org.eclipse.osgi.util.NLS;

/** UI strings of the application bundle ({@code messages.properties}, {@code messages_zh.properties}). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.pacarbon.internal.app.messages"; //$NON-NLS-1$
    public static String App_title;
    public static String Menu_file;
    public static String Menu_edit;
    public static String Menu_window;
    public static String Menu_help;
    public static String Menu_openPerspective;
    public static String Menu_showView;
    public static String Placeholder_text;
    public static String Prefs_description;
    public static String Prefs_outputFolder;
    public static String Prefs_threads;
    public static String Prefs_dpi;
    public static String Prefs_confirmExit;
    public static String Prefs_updateSite;
    public static String Help_contents;
    public static String Update_action;
    public static String Update_tooltip;
    public static String Update_title;
    public static String Update_noSite;
    public static String Update_checking;
    public static String Update_current;
    public static String Update_found;
    public static String Update_installing;
    public static String Update_restart;
    public static String Error_title;
    public static String Error_unexpected;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
