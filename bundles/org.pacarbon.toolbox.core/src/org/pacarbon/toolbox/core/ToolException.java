package org.pacarbon.toolbox.core;

/** A tool could not run: a bad parameter or bad input. The message names the parameter or file and the problem. */
public class ToolException extends Exception {
    private static final long serialVersionUID = 1L;

    public ToolException(String message) {
        super(message);
    }

    public ToolException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The run was cancelled by the user. */
    public static final class Cancelled extends ToolException {
        private static final long serialVersionUID = 1L;

        public Cancelled() {
            super("cancelled");
        }
    }
}
