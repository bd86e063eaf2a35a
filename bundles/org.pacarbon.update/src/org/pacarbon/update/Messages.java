package org.pacarbon.update;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Messages of the update bundle ({@code messages.properties}, {@code messages_zh.properties}), in the default locale. */
final class Messages {
    private Messages() {
    }

    static String format(String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle("org.pacarbon.update.messages", Locale.getDefault(), Messages.class.getClassLoader()) //$NON-NLS-1$
                    .getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
    }
}
