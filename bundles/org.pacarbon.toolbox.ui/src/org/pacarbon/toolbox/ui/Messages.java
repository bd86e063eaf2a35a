package org.pacarbon.toolbox.ui;

import org.eclipse.osgi.util.NLS;

/** UI strings of the toolbox ({@code messages.properties}, {@code messages_zh.properties}). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.pacarbon.toolbox.ui.messages"; //$NON-NLS-1$
    public static String Search;
    public static String Hint;
    public static String Run;
    public static String Cancel;
    public static String History;
    public static String Col_time;
    public static String Col_tool;
    public static String Col_status;
    public static String Col_params;
    public static String RunAgain;
    public static String EditRun;
    public static String NotRight;
    public static String Busy;
    public static String Cancelled;
    public static String NoResults;
    public static String Status_running;
    public static String Status_done;
    public static String Status_cancelled;
    public static String Status_failed;
    public static String Results_empty;
    public static String Results_files;
    public static String Notes;
    public static String Copy;
    public static String ExportCsv;
    public static String ExportMd;
    public static String Chart;
    public static String TopOf;
    public static String Required;
    public static String ChooseFile;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }

    /** The status of a run for display ("failed: why" keeps its reason). */
    static String status(String s) {
        if (s.startsWith("failed")) {
            return Status_failed + s.substring("failed".length());
        }
        return switch (s) {
            case "running" -> Status_running;
            case "done" -> Status_done;
            case "cancelled" -> Status_cancelled;
            default -> s;
        };
    }
}
