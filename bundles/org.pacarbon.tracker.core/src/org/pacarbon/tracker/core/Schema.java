package org.pacarbon.tracker.core;

import java.util.List;

/**
 * The tracker file's schema, as the list of migrations from an empty database. {@code PRAGMA user_version} holds
 * how many have run; opening a file runs the rest, each in its own transaction, after the backup is taken.
 * Never edit a released step: add a new one.
 */
final class Schema {
    private Schema() {
    }

    /** Version 1: items, notes, evidence. */
    static final String V1 = """
            CREATE TABLE item(
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              uid TEXT NOT NULL UNIQUE,
              parent_id INTEGER REFERENCES item(id) ON DELETE CASCADE,
              kind TEXT NOT NULL,
              code TEXT NOT NULL,
              title TEXT NOT NULL,
              title_zh TEXT NOT NULL DEFAULT '',
              description TEXT NOT NULL DEFAULT '',
              status TEXT NOT NULL DEFAULT 'open',
              priority TEXT NOT NULL DEFAULT 'normal',
              owner TEXT NOT NULL DEFAULT '',
              due TEXT,
              created TEXT NOT NULL,
              modified TEXT NOT NULL,
              position INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX item_parent ON item(parent_id);
            CREATE TABLE note(
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
              at TEXT NOT NULL,
              author TEXT NOT NULL,
              text TEXT NOT NULL);
            CREATE TABLE evidence(
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
              type TEXT NOT NULL,
              target TEXT NOT NULL,
              label TEXT NOT NULL DEFAULT '',
              extent TEXT NOT NULL DEFAULT '',
              added TEXT NOT NULL)
            """;

    /** Version 2: tags and linked PAs on items, and the history of changes. */
    static final String V2 = """
            ALTER TABLE item ADD COLUMN tags TEXT NOT NULL DEFAULT '';
            ALTER TABLE item ADD COLUMN pas TEXT NOT NULL DEFAULT '';
            CREATE TABLE history(
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
              at TEXT NOT NULL,
              who TEXT NOT NULL,
              field TEXT NOT NULL,
              old_value TEXT NOT NULL,
              new_value TEXT NOT NULL);
            CREATE INDEX history_item ON history(item_id);
            CREATE INDEX note_item ON note(item_id);
            CREATE INDEX evidence_item ON evidence(item_id)
            """;

    static final List<String> STEPS = List.of(V1, V2);

    /** The columns that hold times ({@link Db#stamp}), as {table, column}. */
    static final String[][] TIME_COLUMNS = {{"item", "created"}, {"item", "modified"}, {"note", "at"}, {"evidence", "added"},
        {"history", "at"}};

    /** The schema version this code writes. */
    static final int CURRENT = STEPS.size();

    static String[] statements(String step) {
        return step.split(";\\s*\\n");
    }
}
