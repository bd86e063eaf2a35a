package org.pacarbon.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Entry of the headless commands that need no OSGi service (assess, bench-data, help, version) when {@code ./pacarbon}
 * starts them on a plain class path of the product's jars: the same {@link Commands} as {@link CliApplication}, without
 * the framework's start-up (about 2 s of the 2.6 s a command took to print its help). Commands that use extension
 * points (tools, run, demo, figure, tracker, fuzz) keep starting through the OSGi application.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        List<String> list = new ArrayList<>(List.of(args));
        boolean verbose = list.remove("--verbose");
        CliLogging.configure(verbose);
        int code = new Commands(System.out, System.err).run(list.toArray(new String[0]));
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
