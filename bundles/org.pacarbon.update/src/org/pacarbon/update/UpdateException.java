package org.pacarbon.update;

/** An update that cannot be checked or installed; the message names the site or the installation and says why. */
public final class UpdateException extends Exception {
    private static final long serialVersionUID = 1L;

    UpdateException(String message) {
        super(message);
    }

    UpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
