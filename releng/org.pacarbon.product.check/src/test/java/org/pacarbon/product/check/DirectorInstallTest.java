package org.pacarbon.product.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        Equinox.copy(bare, host);
        Equinox runtime = new Equinox(host, dir.resolve("logs"));
        assertFalse(runtime.plugins().stream().anyMatch(n -> n.startsWith("org.pacarbon.")), "the bare runtime has none of our bundles");

        String out = runtime.run(600, "-application", "org.eclipse.equinox.p2.director", "-repository", site.toUri().toString(),
                "-installIU", "org.pacarbon.core.feature.feature.group,org.pacarbon.rcp.feature.feature.group,"
                        // the bare runtime has no UI: the Eclipse RCP runtime (SWT with its platform fragment) comes too
                        + "org.pacarbon.platform.feature.feature.group",
                "-destination", host.toAbsolutePath().toString(), "-profile", "DefaultProfile");
        assertTrue(out.contains("Operation completed"), out);
        List<String> installed = runtime.plugins();
        for (String b : List.of("org.pacarbon.gis.core_", "org.pacarbon.carbon.core_", "org.pacarbon.cli_", "org.pacarbon.carbon.tools_",
                "org.pacarbon.app_", "org.pacarbon.map.ui_")) {
            assertTrue(installed.stream().anyMatch(n -> n.startsWith(b)), b + " installed: " + installed);
        }
        String info = Files.readString(host.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"));
        assertTrue(info.contains("\norg.pacarbon.carbon.core,"), "the installation's configuration lists our bundles");

        String bundles = runtime.run(300, "-application", "org.pacarbon.cli.app", "bundles");
        assertTrue(bundles.contains("org.pacarbon.carbon.core ") && bundles.contains("org.pacarbon.map.ui "), bundles);
        assertTrue(bundles.matches("(?s).*\\n\\d{2} PA-Carbon bundles, 0 not resolved or not started.*"), bundles);

        String tools = runtime.run(300, "-application", "org.pacarbon.cli.app", "tools");
        for (String id : List.of("carbon.assess", "carbon.rank", "carbon.emissions")) {
            assertTrue(tools.contains("  " + id + "  "), "tool " + id + " contributed through the extension point:\n" + tools);
        }
    }
}
