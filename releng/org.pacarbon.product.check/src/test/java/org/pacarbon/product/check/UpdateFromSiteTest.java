package org.pacarbon.product.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Update from the site (issue #18): the linux product archive (version N, as built in this run) is unpacked as a user
 * would; version N+1 of one feature ({@code org.pacarbon.core.feature}, with a new {@code org.pacarbon.carbon.tools}
 * bundle) is published into a copy of our update site with p2's publisher, as a release would add it; the product's
 * own update command then finds exactly that update, installs it, and the installation starts with the new bundle.
 * Help &gt; Check for Updates runs the same code ({@code org.pacarbon.update.Updates}).
 */
class UpdateFromSiteTest {
    private static final String NEXT = "0.1.1.v99990101-0000";

    @TempDir
    Path dir;

    @Test
    void theInstalledProductUpdatesOneFeatureToNPlus1FromALocalSite() throws Exception {
        Path releng = Path.of(System.getProperty("releng", ".."));
        Path archive = Path.of(System.getProperty("products", "../org.pacarbon.product/target/products"))
                .resolve("pacarbon-workbench-0.1.0-linux.gtk.x86_64.tar.gz");
        Path site = releng.resolve("org.pacarbon.site/target/repository").toAbsolutePath();
        Path bare = releng.resolve("org.pacarbon.host/target/products/org.pacarbon.host/linux/gtk/x86_64/host");
        assertTrue(Files.isRegularFile(archive), "the product archive was built: " + archive);

        // version N, installed from the archive
        Path install = dir.resolve("install");
        Files.createDirectories(install);
        untar(archive, install);
        Equinox product = new Equinox(install.resolve("pacarbon-workbench"), dir.resolve("logs"));
        String before = product.run(300, "-application", "org.pacarbon.update.app", "--site", site.toUri().toString(), "--check");
        assertTrue(before.contains("No updates on"), "version N against site N: nothing to update\n" + before);

        // a site that is not there: one clear line naming it, the installation untouched
        Path nowhere = dir.resolve("no-such-site");
        String missing = product.run(1, 300, "-application", "org.pacarbon.update.app", "--site", nowhere.toUri().toString());
        assertTrue(missing.contains("update: Update site " + nowhere.toUri() + ": cannot be read"), missing);

        // version N+1 of core.feature, published into a copy of site N
        Path siteN1 = dir.resolve("site-n1");
        Equinox.copy(site, siteN1);
        // Tycho writes each index twice (content.jar and content.xml.xz, p2.index preferring .xz); the publisher appends
        // to the one it loads and leaves the other stale, so the copy keeps only the jars
        for (String stale : List.of("content.xml.xz", "artifacts.xml.xz", "p2.index")) {
            Files.deleteIfExists(siteN1.resolve(stale));
        }
        Path stage = dir.resolve("stage");
        Path coreFeature = only(site.resolve("features"), "org.pacarbon.core.feature_");
        Path tools = only(site.resolve("plugins"), "org.pacarbon.carbon.tools_");
        String toolsN = tools.getFileName().toString().replaceAll("^org\\.pacarbon\\.carbon\\.tools_(.*)\\.jar$", "$1");
        Files.createDirectories(stage.resolve("features"));
        Files.createDirectories(stage.resolve("plugins"));
        rewrite(coreFeature, stage.resolve("features/org.pacarbon.core.feature_" + NEXT + ".jar"), "feature.xml", xml -> {
            String s = xml.replaceFirst("(<feature[^>]*?\\sversion=\")[^\"]*\"", "$1" + NEXT + "\"");
            return s.replaceFirst("(id=\"org\\.pacarbon\\.carbon\\.tools\"[^>]*?version=\")[^\"]*\"", "$1" + NEXT + "\"");
        });
        rewriteManifest(tools, stage.resolve("plugins/org.pacarbon.carbon.tools_" + NEXT + ".jar"));
        String staged = Files.readString(featureXml(stage.resolve("features/org.pacarbon.core.feature_" + NEXT + ".jar")));
        assertTrue(Pattern.compile("id=\"org\\.pacarbon\\.carbon\\.tools\"[^>]*version=\"" + Pattern.quote(NEXT)).matcher(staged).find()
                && !staged.contains("version=\"0.1.0.qualifier\""), "the staged feature is N+1 with the new bundle:\n" + staged);

        Path host = dir.resolve("publisher");
        Equinox.copy(bare, host);
        String published = new Equinox(host, dir.resolve("logs")).run(300, "-application",
                "org.eclipse.equinox.p2.publisher.FeaturesAndBundlesPublisher", "-source", stage.toAbsolutePath().toString(),
                "-metadataRepository", siteN1.toUri().toString(), "-artifactRepository", siteN1.toUri().toString(), "-append",
                "-compress", "-publishArtifacts");
        assertFalse(published.contains("ERROR"), published);

        // the product finds exactly that update, installs it
        String check = product.run(300, "-application", "org.pacarbon.update.app", "--site", siteN1.toUri().toString(), "--check");
        assertTrue(check.contains("1 update(s) on"), check);
        Matcher m = Pattern.compile("org\\.pacarbon\\.core\\.feature\\.feature\\.group  0\\.1\\.0\\.\\S+ -> " + Pattern.quote(NEXT)).matcher(check);
        assertTrue(m.find(), "core.feature N -> N+1 listed:\n" + check);
        assertFalse(product.plugins().contains("org.pacarbon.carbon.tools_" + NEXT + ".jar"), "--check installs nothing");

        String update = product.run(600, "-application", "org.pacarbon.update.app", "--site", siteN1.toUri().toString());
        assertTrue(update.contains("Installed 1 update(s)"), update);
        assertTrue(product.plugins().contains("org.pacarbon.carbon.tools_" + NEXT + ".jar"), "N+1 bundle installed: " + product.plugins());
        String info = Files.readString(product.home().resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"));
        assertTrue(info.contains("\norg.pacarbon.carbon.tools," + NEXT + ","), "the configuration starts N+1:\n" + info);
        assertFalse(info.contains("\norg.pacarbon.carbon.tools," + toolsN + ","), "and no longer N");

        // after the restart: the new bundle runs, the others are as they were, the tools are all there
        String bundles = product.run(300, "-application", "org.pacarbon.cli.app", "bundles");
        assertTrue(bundles.contains("org.pacarbon.carbon.tools " + NEXT + " "), bundles);
        assertTrue(bundles.matches("(?s).*\\n\\d{2} PA-Carbon bundles, 0 not resolved or not started.*"), bundles);
        String list = product.run(300, "-application", "org.pacarbon.cli.app", "tools");
        assertTrue(list.contains("  carbon.assess  ") && list.contains("  carbon.rank  "), list);
        String again = product.run(300, "-application", "org.pacarbon.update.app", "--site", siteN1.toUri().toString(), "--check");
        assertTrue(again.contains("No updates on"), "N+1 against site N+1: current\n" + again);
    }

    private static Path only(Path folder, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            assertEquals(1, found.size(), prefix + " in " + folder + ": " + found);
            return found.get(0);
        }
    }

    private Path featureXml(Path jar) throws IOException {
        Path out = Files.createTempFile(dir, "feature", ".xml");
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            for (JarEntry e; (e = in.getNextJarEntry()) != null;) {
                if (e.getName().equals("feature.xml")) {
                    Files.write(out, in.readAllBytes());
                }
            }
        }
        return out;
    }

    /** A copy of the jar {@code from} at {@code to} with the text entry {@code name} changed by {@code edit}. */
    private static void rewrite(Path from, Path to, String name, java.util.function.UnaryOperator<String> edit) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(from));
                JarOutputStream out = in.getManifest() == null ? new JarOutputStream(Files.newOutputStream(to))
                        : new JarOutputStream(Files.newOutputStream(to), in.getManifest())) {
            for (JarEntry e; (e = in.getNextJarEntry()) != null;) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(name)) {
                    bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new JarEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    /** A copy of the bundle jar {@code from} at {@code to} whose Bundle-Version is {@link #NEXT}. */
    private static void rewriteManifest(Path from, Path to) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(from))) {
            Manifest mf = new Manifest(in.getManifest());
            mf.getMainAttributes().put(new Attributes.Name("Bundle-Version"), NEXT);
            try (OutputStream os = Files.newOutputStream(to); JarOutputStream out = new JarOutputStream(os, mf)) {
                for (JarEntry e; (e = in.getNextJarEntry()) != null;) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
    }

    private static void untar(Path archive, Path into) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tar", "xzf", archive.toAbsolutePath().toString(), "-C", into.toString()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertTrue(p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0, "tar: " + out);
    }
}
