package org.pacarbon.tracker.core;

import org.eclipse.jdt.annotation.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Frameworks contributed by bundles through the extension point {@code org.pacarbon.tracker.core.frameworks}
 * (see {@code schema/frameworks.exsd}): an institute ships its own agenda as a JSON definition in a small bundle.
 */
public final class Frameworks {
    /** Id of the extension point. */
    public static final String EXTENSION_POINT = "org.pacarbon.tracker.core.frameworks";

    private Frameworks() {
    }

    /** A contributed framework, or the reason it could not be read. */
    public record Contribution(String bundle, @Nullable String file, @Nullable Framework framework, @Nullable String problem) {
    }

    /** All contributions; none when there is no extension registry (plain Java). */
    public static List<Contribution> contributed() {
        List<Contribution> out = new ArrayList<>();
        IExtensionRegistry reg = RegistryFactory.getRegistry();
        if (reg == null) {
            return out;
        }
        for (IConfigurationElement e : reg.getConfigurationElementsFor(EXTENSION_POINT)) {
            if (!"framework".equals(e.getName())) {
                continue;
            }
            String bundleName = e.getContributor().getName();
            String file = e.getAttribute("file");
            try {
                Bundle b = bundle(bundleName);
                URL url = b == null || file == null ? null : entry(b, file);
                if (url == null) {
                    out.add(new Contribution(bundleName, file, null, "file " + file + " not found in bundle " + bundleName));
                    continue;
                }
                try (InputStream in = url.openStream()) {
                    out.add(new Contribution(bundleName, file, Framework.read(in, bundleName + "/" + file), null));
                }
            } catch (IOException | TrackerException ex) {
                out.add(new Contribution(bundleName, file, null, ex.getMessage()));
            }
        }
        return out;
    }

    /** A file of a bundle or of one of its fragments (a fragment's contributions belong to its host). */
    private static @Nullable URL entry(Bundle b, String file) {
        String f = file.startsWith("/") ? file.substring(1) : file;
        int slash = f.lastIndexOf('/');
        Enumeration<URL> e = b.findEntries(slash < 0 ? "/" : f.substring(0, slash), f.substring(slash + 1), false);
        return e != null && e.hasMoreElements() ? e.nextElement() : null;
    }

    private static @Nullable Bundle bundle(String symbolicName) {
        Bundle self = FrameworkUtil.getBundle(Frameworks.class);
        if (self == null || self.getBundleContext() == null) {
            return null;
        }
        for (Bundle b : self.getBundleContext().getBundles()) {
            if (b.getSymbolicName().equals(symbolicName)) {
                return b;
            }
        }
        return null;
    }

    /**
     * Adds every contributed framework to the store (those it has are refreshed, see
     * {@link TrackerStore#loadFramework}). Returns the problems of contributions that could not be read.
     */
    public static List<String> loadContributed(TrackerStore store) throws TrackerException {
        List<String> problems = new ArrayList<>();
        for (Contribution c : contributed()) {
            Framework f = c.framework();
            if (f != null) {
                store.loadFramework(f);
            } else {
                problems.add("framework " + c.file() + " from " + c.bundle() + ": " + c.problem());
            }
        }
        return problems;
    }
}
