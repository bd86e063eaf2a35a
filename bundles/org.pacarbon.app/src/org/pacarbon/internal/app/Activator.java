package org.pacarbon.internal.app;

import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;
import org.eclipse.jdt.annotation.NonNullByDefault;

/** Bundle activator: holds the preference store of the application bundle. */
public final class Activator extends AbstractUIPlugin {
    /** Bundle symbolic name. */
    public static final String PLUGIN_ID = "org.pacarbon.app"; //$NON-NLS-1$
    private static Activator instance;

    @Override
    @NonNullByDefault({})
    public void start(BundleContext context) throws Exception {
        super.start(context);
        instance = this;
    }

    @Override
    @NonNullByDefault({})
    public void stop(BundleContext context) throws Exception {
        instance = null;
        super.stop(context);
    }

    /** @return the running instance */
    public static Activator getDefault() {
        return instance;
    }
}
