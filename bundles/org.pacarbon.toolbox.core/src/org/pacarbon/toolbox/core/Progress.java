package org.pacarbon.toolbox.core;

/**
 * What a running tool reports to and asks of its caller: the CLI prints it, the workbench shows it in the
 * job's progress bar. Tools call {@link #checkCancelled()} often (at least once per block of rows), so that a
 * cancel takes effect within a second.
 */
public interface Progress {
    /** Starts a task of {@code total} units of work. */
    void begin(String task, int total);

    /** Reports {@code units} more units done. */
    void worked(int units);

    /** A line for the log of the run. */
    void message(String line);

    boolean isCancelled();

    /** Throws {@link ToolException.Cancelled} when the user cancelled. */
    default void checkCancelled() throws ToolException.Cancelled {
        if (isCancelled()) {
            throw new ToolException.Cancelled();
        }
    }

    /** A progress that reports nothing and is never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void begin(String task, int total) {
        }

        @Override
        public void worked(int units) {
        }

        @Override
        public void message(String line) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
