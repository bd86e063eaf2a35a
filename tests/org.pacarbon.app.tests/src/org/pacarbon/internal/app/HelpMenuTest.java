package org.pacarbon.internal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pacarbon.test.ui.Robot;
import org.pacarbon.test.ui.ScreenshotOnFailure;

/**
 * The Help menu: Contents opens the user guide that ships with the product; Check for Updates through the menu. The test runtime was not installed by p2 (Tycho starts the bundles
 * from the build), so the real check must say that this installation cannot be updated rather than fail or pretend;
 * the update itself (install N, publish N+1, update) is checked on the installed product by
 * {@code releng/org.pacarbon.product.check/UpdateFromSiteTest}.
 */
@ExtendWith(ScreenshotOnFailure.class)
public final class HelpMenuTest {

    @Test
    public void helpMenuCheckForUpdatesSaysWhyAnUnmanagedInstallationCannotBeUpdated() {
        Robot robot = new Robot().withTimeout(java.time.Duration.ofSeconds(60));
        IPreferenceStore prefs = Activator.getDefault().getPreferenceStore();
        String old = prefs.getString(PreferenceInitializer.UPDATE_SITE);
        prefs.setValue(PreferenceInitializer.UPDATE_SITE, System.getProperty("java.io.tmpdir"));
        try {
            List<String> texts = new ArrayList<>();
            Robot.ModalHandle dialog = robot.onModal(s -> s.getText().equals(Messages.Update_title), shell -> {
                collect(shell, texts);
                shell.close();
            }, "titled '" + Messages.Update_title + "'");
            MenuItem item = helpItem(robot, Messages.Update_action);
            robot.display().syncExec(() -> item.notifyListeners(SWT.Selection, new Event()));
            dialog.await();
            assertTrue(texts.stream().anyMatch(t -> t.contains("not managed by p2") && t.contains("cannot be updated")),
                    "the dialog says why: " + texts);
        } finally {
            prefs.setValue(PreferenceInitializer.UPDATE_SITE, old);
        }
        robot.waitForJobs();
    }

    @Test
    public void helpContentsOpensTheUserGuideThatShipsWithTheProduct() {
        Robot robot = new Robot();
        MenuItem item = helpItem(robot, Messages.Help_contents);
        robot.display().syncExec(() -> item.notifyListeners(SWT.Selection, new Event()));
        robot.flush();
        UserGuideView guide = (UserGuideView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().findView(UserGuideView.ID);
        assertNotNull(guide, "the User Guide view opened");
        String text = guide.shownText();
        // the guide's own headings (help/guide.md), shown without their Markdown marks
        assertTrue(text.startsWith("PA-Carbon Workbench: user guide"), text.substring(0, Math.min(80, text.length())));
        for (String heading : List.of("The three perspectives", "Working with the map", "Assessing protected areas", "Preferences and updates")) {
            assertTrue(text.contains("\n" + heading + "\n"), heading);
        }
        assertTrue(text.contains("\u2022 Map (Window > Open Perspective > Map)") && !text.contains("## "), "lists as bullets, no Markdown marks");
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().hideView(guide);
    }

    @Test
    public void sitesOfThePreferenceAreUrlsOrFolders() {
        List<URI> sites = CheckForUpdatesAction.sites(" https://updates.example.org/pacarbon/ ,  /srv/p2/pacarbon\nfile:/tmp/site ");
        assertEquals(List.of(URI.create("https://updates.example.org/pacarbon/"), Path.of("/srv/p2/pacarbon").toUri(),
                URI.create("file:/tmp/site")), sites);
        assertTrue(CheckForUpdatesAction.sites("   ").isEmpty());
    }

    /** The item of the Help menu with {@code text}, after the menu was shown (JFace fills menus when they show). */
    private static MenuItem helpItem(Robot robot, String text) {
        MenuItem[] found = new MenuItem[1];
        robot.display().syncExec(() -> {
            Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
            for (MenuItem top : shell.getMenuBar().getItems()) {
                if (top.getText().replace("&", "").equals(Messages.Menu_help.replace("&", ""))) {
                    Menu help = top.getMenu();
                    help.notifyListeners(SWT.Show, new Event());
                    for (MenuItem i : help.getItems()) {
                        if (i.getText().replace("&", "").startsWith(text.replace("&", ""))) {
                            found[0] = i;
                        }
                    }
                    help.notifyListeners(SWT.Hide, new Event());
                }
            }
        });
        assertNotNull(found[0], "Help > " + text);
        return found[0];
    }

    private static void collect(Control c, List<String> out) {
        if (c instanceof Label l) {
            out.add(l.getText());
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                collect(child, out);
            }
        }
    }
}
