package org.pacarbon.tracker.ui;

import org.pacarbon.tracker.core.Kind;
import org.pacarbon.tracker.core.Priority;
import org.pacarbon.tracker.core.Status;

/** Localized names of statuses, priorities and item kinds. */
final class Labels {
    private Labels() {
    }

    static String status(Status s) {
        return switch (s) {
            case OPEN -> Messages.Status_open;
            case IN_PROGRESS -> Messages.Status_in_progress;
            case BLOCKED -> Messages.Status_blocked;
            case DONE -> Messages.Status_done;
        };
    }

    static String priority(Priority p) {
        return switch (p) {
            case CRITICAL -> Messages.Priority_critical;
            case HIGH -> Messages.Priority_high;
            case NORMAL -> Messages.Priority_normal;
            case LOW -> Messages.Priority_low;
        };
    }

    static String kind(Kind k) {
        return switch (k) {
            case FRAMEWORK -> Messages.Kind_framework;
            case ISSUE -> Messages.Kind_issue;
            case QUESTION -> Messages.Kind_question;
            case TASK -> Messages.Kind_task;
        };
    }
}
