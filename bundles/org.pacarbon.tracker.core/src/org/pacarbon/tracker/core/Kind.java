package org.pacarbon.tracker.core;

/** The level of an item in a framework: framework -> key issue -> research question -> work items. */
public enum Kind {
    FRAMEWORK("framework"), ISSUE("issue"), QUESTION("question"), TASK("task");

    private final String key;

    Kind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Kind parse(String s) throws TrackerException {
        for (Kind v : values()) {
            if (v.key.equalsIgnoreCase(s.trim())) {
                return v;
            }
        }
        throw new TrackerException("unknown item kind '" + s + "' (framework, issue, question, task)");
    }
}
