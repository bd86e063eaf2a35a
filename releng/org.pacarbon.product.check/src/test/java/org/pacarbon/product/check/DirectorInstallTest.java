package org.pacarbon.product.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our features installed into another Eclipse application, as an institute would add them to one it already has: a
 * bare Equinox runtime with the p2 director (releng/org.pacarbon.host, assembled from Maven Central, none of our
 * bundles) installs {@code org.pacarbon.core.feature} and {@code org.pacarbon.rcp.feature} (and, as it has no UI of its own,
 * {@code org.pacarbon.platform.feature}: SWT's platform fragment is not required by anything, so p2 would not bring it)
 * from our p2 update site
 * with the director application (the command line the README gives), then starts headless: every PA-Carbon bundle
 * resolves and starts, and the toolbox's extension point lists our contributed tools.
 */
class DirectorInstallTest {
    @TempDir
    Path dir;

    @Test
    void ourFeaturesInstallFromTheUpdateSiteIntoABareRuntimeAndWork() throws Exception {
        Path releng = Path.of(System.getProperty("releng", ".."));
        Path bare = releng.resolve("org.pacarbon.host/target/products/org.pacarbon.host/linux/gtk/x86_64/host");
        Path site = releng.resolve("org.pacarbon.site/target/repository").toAbsolutePath();
        assertTrue(Files.isDirectory(bare.resolve("plugins")), "the bare runtime was built: " + bare);
        assertTrue(Files.isRegularFile(site.resolve("content.jar")) || Files.isRegularFile(site.resolve("content.xml.xz")),
                "the update site was built: " + site);
        Path host = dir.resolve("host");
        copy(bare, host);
        assertFalse(plugins(host).stream().anyMatch(n -> n.startsWith("org.pacarbon.")), "the bare runtime has none of our bundles");

        String out = run(host, 600, "-application", "org.eclipse.equinox.p2.director", "-repository", site.toUri().toString(),
                "-installIU", "org.pacarbon.core.feature.feature.group,org.pacarbon.rcp.feature.feature.group,"
                        // the bare runtime has no UI: the Eclipse RCP runtime (SWT with its platform fragment) comes too
                        + "org.pacarbon.platform.feature.feature.group",
                "-destination", host.toAbsolutePath().toString(), "-profile", "DefaultProfile");
        assertTrue(out.contains("Operation completed"), out);
        List<String> installed = plugins(host);
        for (String b : List.of("org.pacarbon.gis.core_", "org.pacarbon.carbon.core_", "org.pacarbon.cli_", "org.pacarbon.carbon.tools_",
                "org.pacarbon.app_", "org.pacarbon.map.ui_")) {
            assertTrue(installed.stream().anyMatch(n -> n.startsWith(b)), b + " installed: " + installed);
        }
        String info = Files.readString(host.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"));
        assertTrue(info.contains("\norg.pacarbon.carbon.core,"), "the installation's configuration lists our bundles");

        String bundles = run(host, 300, "-application", "org.pacarbon.cli.app", "bundles");
        assertTrue(bundles.contains("org.pacarbon.carbon.core ") && bundles.contains("org.pacarbon.map.ui "), bundles);
        assertTrue(bundles.matches("(?s).*\\n\\d{2} PA-Carbon bundles, 0 not resolved or not started.*"), bundles);

        String tools = run(host, 300, "-application", "org.pacarbon.cli.app", "tools");
        for (String id : List.of("carbon.assess", "carbon.rank", "carbon.emissions")) {
            assertTrue(tools.contains("  " + id + "  "), "tool " + id + " contributed through the extension point:\n" + tools);
        }
    }

    /** Runs the installation's launcher with {@code args}; returns its output, failing on a non-zero exit or a timeout. */
    private String run(Path host, int seconds, String... args) throws IOException, InterruptedException {
        Path launcher;
        try (Stream<Path> s = Files.list(host.resolve("plugins"))) {
            launcher = s.filter(p -> p.getFileName().toString().matches("org\\.eclipse\\.equinox\\.launcher_[^/]*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no launcher jar in " + host));
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Djava.awt.headless=true", "-jar", launcher.toString(), "-nosplash", "-consoleLog", "-data", "@none"));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "run", ".log");
        Process p = new ProcessBuilder(cmd).directory(host.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", args) + ": no end within " + seconds + " s\n" + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", args) + " failed:\n" + out);
        return out;
    }

    private static List<String> plugins(Path host) throws IOException {
        try (Stream<Path> s = Files.list(host.resolve("plugins"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
