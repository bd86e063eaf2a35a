package org.pacarbon.carbon.core;

/** An assessment spec that cannot be run: the message says which key or file and what is wrong. */
public final class SpecException extends Exception {
    private static final long serialVersionUID = 1L;

    public SpecException(String message) {
        super(message);
    }

    public SpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
