package org.pacarbon.cli;

import java.io.PrintStream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

/**
 * {@code bundles} (OSGi start only): every PA-Carbon bundle of the running installation with its state, each bundle
 * started once; exit code 1 when one does not resolve or does not start. It shows that our features installed into
 * another Eclipse application (issue #18) work there.
 */
final class BundleCheck {
    private BundleCheck() {
    }

    static int run(PrintStream out, PrintStream err) {
        Bundle self = FrameworkUtil.getBundle(BundleCheck.class);
        if (self == null) {
            err.println("pacarbon bundles: runs only inside the OSGi application (PACARBON_OSGI=1)");
            return 2;
        }
        // this bundle may be resolved and not started, so without a context: start it (it has no activator)
        if (self.getBundleContext() == null) {
            try {
                self.start(Bundle.START_TRANSIENT);
            } catch (BundleException e) {
                err.println("pacarbon bundles: " + e.getMessage());
                return 1;
            }
        }
        BundleContext ctx = self.getBundleContext();
        int bad = 0, n = 0;
        for (Bundle b : ctx.getBundles()) {
            String name = b.getSymbolicName();
            if (name == null || !name.startsWith("org.pacarbon.")) {
                continue;
            }
            n++;
            boolean fragment = b.getHeaders("").get("Fragment-Host") != null;
            String problem = null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                try {
                    b.start(Bundle.START_TRANSIENT);
                } catch (BundleException | RuntimeException e) {
                    problem = e.getMessage();
                }
            }
            boolean ok = fragment ? b.getState() == Bundle.RESOLVED : b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING;
            if (!ok) {
                bad++;
            }
            out.println(name + " " + b.getVersion() + " " + state(b.getState()) + (fragment ? " (fragment)" : "")
                    + (problem != null ? ": " + problem : ""));
        }
        out.println(n + " PA-Carbon bundles, " + bad + " not resolved or not started");
        return n > 0 && bad == 0 ? 0 : 1;
    }

    private static String state(int s) {
        return switch (s) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
