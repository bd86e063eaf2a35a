package org.pacarbon.update;

import org.eclipse.jdt.annotation.Nullable;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The headless update command: {@code update --site URL [--site URL2] [--check]} lists what the sites have newer
 * versions of and, without {@code --check}, installs it into the installation it runs in. Exit 0 when done or nothing to
 * do, 1 on a problem (said on one line naming the site), 2 on a usage error.
 */
public final class UpdateApplication implements IApplication {

    @Override
    @NonNullByDefault({})
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        return run(args == null ? new String[0] : args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<URI> sites = new ArrayList<>();
        boolean checkOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--site" -> { //$NON-NLS-1$
                    if (i + 1 >= args.length) {
                        return usage(err, "--site needs a URL or a folder"); //$NON-NLS-1$
                    }
                    sites.add(siteUri(args[++i]));
                }
                case "--check" -> checkOnly = true; //$NON-NLS-1$
                case "-h", "--help" -> { //$NON-NLS-1$ //$NON-NLS-2$
                    usage(out, null);
                    return 0;
                }
                default -> { // the launcher's own arguments (e.g. -consoleLog) are not ours
                    if (!args[i].startsWith("-") || args[i].startsWith("--")) { //$NON-NLS-1$ //$NON-NLS-2$
                        return usage(err, "unknown argument: " + args[i]); //$NON-NLS-1$
                    }
                }
            }
        }
        try {
            Updates updates = Updates.ofRunningInstallation();
            out.println("Installation: p2 profile " + updates.profileId()); //$NON-NLS-1$
            Updates.Plan plan = updates.check(sites, new NullProgressMonitor());
            if (plan.changes().isEmpty()) {
                out.println("No updates on " + sites + ": the installation is current."); //$NON-NLS-1$ //$NON-NLS-2$
                return 0;
            }
            out.println(plan.changes().size() + " update(s) on " + sites + ":"); //$NON-NLS-1$ //$NON-NLS-2$
            plan.changes().forEach(c -> out.println("  " + c)); //$NON-NLS-1$
            if (checkOnly) {
                return 0;
            }
            updates.install(plan, new NullProgressMonitor());
            out.println("Installed " + plan.changes().size() + " update(s). Restart the workbench to use them."); //$NON-NLS-1$ //$NON-NLS-2$
            return 0;
        } catch (UpdateException e) {
            err.println("update: " + e.getMessage()); //$NON-NLS-1$
            return 1;
        } catch (OperationCanceledException e) {
            err.println("update: cancelled; the installation is unchanged"); //$NON-NLS-1$
            return 1;
        }
    }

    /** A URL as given, or a local folder (relative to where the user started the command) as a file URI. */
    static URI siteUri(String s) {
        String cwd = System.getProperty("pacarbon.cwd"); //$NON-NLS-1$
        return Updates.site(s, cwd == null ? null : Path.of(cwd));
    }

    private static int usage(PrintStream to, @Nullable String problem) {
        if (problem != null) {
            to.println("update: " + problem); //$NON-NLS-1$
        }
        to.println("usage: update --site URL|FOLDER [--site ...] [--check]"); //$NON-NLS-1$
        to.println("  checks the p2 update sites for newer versions of the installed features and installs them"); //$NON-NLS-1$
        to.println("  (--check: only list them); the new versions are used after a restart"); //$NON-NLS-1$
        return problem == null ? 0 : 2;
    }

    @Override
    public void stop() {
        // nothing runs in the background
    }
}
