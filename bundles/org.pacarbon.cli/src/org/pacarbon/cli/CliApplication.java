package org.pacarbon.cli;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.jdt.annotation.NonNullByDefault;

/** Equinox application entry of the headless commands; the exit code is the command's. */
public final class CliApplication implements IApplication {
    @Override
    @NonNullByDefault({})
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        java.util.List<String> list = new java.util.ArrayList<>(java.util.List.of(args == null ? new String[0] : args));
        boolean verbose = list.remove("--verbose");
        CliLogging.configure(verbose);
        if (!list.isEmpty() && list.get(0).equals("bundles")) {
            return Integer.valueOf(BundleCheck.run(System.out, System.err));
        }
        int code = new Commands(System.out, System.err).run(list.toArray(new String[0]));
        System.out.flush();
        System.err.flush();
        return Integer.valueOf(code);
    }

    @Override
    public void stop() {
        // commands run to completion
    }
}
