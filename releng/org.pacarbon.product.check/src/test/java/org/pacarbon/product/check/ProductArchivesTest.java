package org.pacarbon.product.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Opens the product archive of each platform that {@code ./pacarbon build} makes and checks that what a start needs is
 * in it: the platform's SWT fragment and no other platform's, the configuration naming it, the Equinox launcher jar,
 * the start script fit for the platform (executable on Linux and macOS, CRLF on Windows, with the Java 17 check), the
 * product's window icons. Windows and macOS archives are checked for content only: no such machine runs here.
 */
class ProductArchivesTest {
    private static final List<String> ALL = List.of("gtk.linux.x86_64", "gtk.linux.aarch64", "win32.win32.x86_64",
            "cocoa.macosx.aarch64", "cocoa.macosx.x86_64");
    private static final String LINUX_WINDOWS_ROOT = "pacarbon-workbench/";
    /** On macOS the installation is laid out as an application bundle (Tycho's materialization). */
    private static final String MAC_ROOT = "pacarbon-workbench.app/Contents/Eclipse/";

    @ParameterizedTest
    @CsvSource({
        "linux.gtk.x86_64,     tar.gz, gtk.linux.x86_64,     pacarbon-workbench",
        "linux.gtk.aarch64,    tar.gz, gtk.linux.aarch64,    pacarbon-workbench",
        "win32.win32.x86_64,   zip,    win32.win32.x86_64,   pacarbon-workbench.cmd",
        "macosx.cocoa.aarch64, tar.gz, cocoa.macosx.aarch64, pacarbon-workbench.command",
        "macosx.cocoa.x86_64,  tar.gz, cocoa.macosx.x86_64,  pacarbon-workbench.command"})
    void theArchiveHoldsWhatAStartNeeds(String env, String ext, String swt, String script) throws Exception {
        Path products = Path.of(System.getProperty("products", "../org.pacarbon.product/target/products"));
        Path file = products.resolve("pacarbon-workbench-0.1.0-" + env + "." + ext);
        assertTrue(Files.isRegularFile(file), "the archive " + file + " was built");
        Archive a = Archive.read(file);
        Map<String, Archive.Entry> e = a.entries();
        String root = env.startsWith("macosx") ? MAC_ROOT : LINUX_WINDOWS_ROOT;
        assertTrue(e.keySet().stream().allMatch(n -> n.startsWith(root)), "everything under " + root);

        // SWT: this platform's fragment, no other's
        String fragment = plugin(e, root, "org.eclipse.swt." + swt);
        assertNotNull(fragment, "the SWT fragment org.eclipse.swt." + swt + " in " + file.getFileName());
        assertNotNull(plugin(e, root, "org.eclipse.swt"), "the SWT host bundle");
        for (String other : ALL) {
            if (!other.equals(swt)) {
                assertEquals(null, plugin(e, root, "org.eclipse.swt." + other), "no SWT fragment of " + other + " in " + file.getFileName());
            }
        }
        // the configuration names the fragment and starts the product
        String config = e.get(root + "configuration/config.ini").text();
        assertTrue(config.contains("eclipse.product=org.pacarbon.app.product"), config);
        assertTrue(config.contains("eclipse.application=org.pacarbon.app.application"), config);
        assertTrue(config.contains("org.eclipse.equinox.simpleconfigurator"), config);
        String bundles = e.get(root + "configuration/org.eclipse.equinox.simpleconfigurator/bundles.info").text();
        assertTrue(bundles.contains("\norg.eclipse.swt." + swt + ",") && bundles.contains(fragment.substring(root.length())),
                "bundles.info names " + fragment);
        for (String other : ALL) {
            if (!other.equals(swt)) {
                assertFalse(bundles.contains("org.eclipse.swt." + other + ","), "bundles.info names no fragment of " + other);
            }
        }
        assertTrue(bundles.contains("\norg.pacarbon.app,"), "our application bundle is configured");
        // the launcher jar the script runs
        assertNotNull(plugin(e, root, "org.eclipse.equinox.launcher"), "the Equinox launcher jar");
        assertNotNull(plugin(e, root, "org.eclipse.osgi"), "the framework");

        // the start script of the platform, and no other platform's
        Archive.Entry s = e.get(root + script);
        assertNotNull(s, "the start script " + script);
        String text = s.text();
        assertTrue(text.contains("org.eclipse.equinox.launcher_"), "the script runs the launcher jar");
        assertTrue(text.contains("17"), "the script checks for Java 17");
        for (String name : List.of("pacarbon-workbench", "pacarbon-workbench.cmd", "pacarbon-workbench.command")) {
            if (!name.equals(script)) {
                assertFalse(e.containsKey(root + name), "no " + name + " in " + file.getFileName());
            }
        }
        if (ext.equals("zip")) {
            assertTrue(text.contains("\r\n") && !Pattern.compile("[^\r]\n").matcher(text).find(), "CRLF line ends for cmd.exe");
            assertTrue(text.contains("JAVA_HOME") && text.contains("%*"), "Java from JAVA_HOME or the PATH; arguments passed on");
        } else {
            assertEquals(0755, s.mode() & 0777, script + " is executable");
            assertTrue(text.startsWith("#!/bin/sh\n"), "a POSIX shell script");
        }
        if (env.startsWith("macosx")) {
            assertTrue(text.contains("-XstartOnFirstThread"), "SWT on macOS needs the first thread");
        }
        // the product's window icons, in the application bundle
        Map<String, Archive.Entry> app = a.nested(plugin(e, root, "org.pacarbon.app"));
        for (int size : new int[] {16, 32, 48, 64, 128}) {
            assertTrue(app.containsKey("icons/pacarbon" + size + ".png"), "window icon " + size + " px");
        }
    }

    /** The path of the plug-in jar with this symbolic name, or null. */
    private static String plugin(Map<String, Archive.Entry> e, String root, String id) {
        Pattern p = Pattern.compile(Pattern.quote(root + "plugins/" + id + "_") + "\\d[^/]*\\.jar");
        return e.keySet().stream().filter(n -> p.matcher(n).matches()).findFirst().orElse(null);
    }
}
