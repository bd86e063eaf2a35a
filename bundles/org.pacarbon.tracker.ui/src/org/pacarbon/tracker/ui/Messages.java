package org.pacarbon.tracker.ui;

import org.eclipse.osgi.util.NLS;

/** UI strings of the research tracker ({@code messages.properties}, {@code messages_zh.properties}). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.pacarbon.tracker.ui.messages"; //$NON-NLS-1$
    public static String Col_title;
    public static String Col_status;
    public static String Col_priority;
    public static String Col_owner;
    public static String Col_due;
    public static String Col_progress;
    public static String Filter_search;
    public static String Filter_allStatuses;
    public static String Filter_overdue;
    public static String Filter_allOwners;
    public static String Filter_count;
    public static String Status_open;
    public static String Status_in_progress;
    public static String Status_blocked;
    public static String Status_done;
    public static String Priority_critical;
    public static String Priority_high;
    public static String Priority_normal;
    public static String Priority_low;
    public static String Kind_framework;
    public static String Kind_issue;
    public static String Kind_question;
    public static String Kind_task;
    public static String Action_add;
    public static String Action_addTip;
    public static String Action_delete;
    public static String Action_export;
    public static String Action_import;
    public static String Action_refresh;
    public static String Action_expand;
    public static String New_task;
    public static String Delete_title;
    public static String Delete_confirm;
    public static String Form_none;
    public static String Form_title;
    public static String Form_titleZh;
    public static String Form_status;
    public static String Form_priority;
    public static String Form_owner;
    public static String Form_due;
    public static String Form_tags;
    public static String Form_pas;
    public static String Form_description;
    public static String Form_evidence;
    public static String Form_notes;
    public static String Form_history;
    public static String Form_definedBy;
    public static String Form_overdue;
    public static String Ev_type;
    public static String EvType_run;
    public static String EvType_table;
    public static String EvType_map;
    public static String EvType_file;
    public static String EvType_url;
    public static String Ev_extentHint;
    public static String Ev_label;
    public static String Ev_target;
    public static String Ev_extent;
    public static String Ev_add;
    public static String Ev_open;
    public static String Ev_remove;
    public static String Note_add;
    public static String Note_when;
    public static String Note_who;
    public static String Note_text;
    public static String Hist_field;
    public static String Hist_change;
    public static String EvDlg_title;
    public static String EvDlg_message;
    public static String EvDlg_browse;
    public static String EvDlg_mapExtent;
    public static String EvDlg_missing;
    public static String EvDlg_needTarget;
    public static String Open_title;
    public static String Open_missing;
    public static String Open_noProgram;
    public static String Open_folder;
    public static String Damaged_title;
    public static String Damaged_restore;
    public static String Damaged_retry;
    public static String Damaged_restored;
    public static String Error_title;
    public static String Export_done;
    public static String Import_done;
    public static String File_label;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
