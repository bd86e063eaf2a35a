package org.pacarbon.internal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pacarbon.app.AppIds;
import org.pacarbon.test.ui.ChineseTexts;
import org.pacarbon.test.ui.Robot;
import org.pacarbon.test.ui.ScreenshotOnFailure;

/**
 * The Chinese UI is complete: in the workbench started with {@code -nl zh_CN}, every perspective with its views, the
 * menu bar with all its menus, every tool form of the toolbox and the preferences dialog are walked, and every visible
 * text must hold Chinese or only codes ({@link ChineseTexts}). The map's and the tracker's dialogs are walked by the
 * zh tests of their bundles.
 */
@ExtendWith(ScreenshotOnFailure.class)
public final class ChineseCompletenessZhTest {

    @Test
    public void everyVisibleTextIsChinese() throws Exception {
        assertEquals("zh_CN", Platform.getNL());
        Robot robot = new Robot();
        ChineseTexts texts = new ChineseTexts();
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        for (String p : List.of(AppIds.PERSPECTIVE_MAP, AppIds.PERSPECTIVE_ASSESSMENT, AppIds.PERSPECTIVE_RESEARCH)) {
            robot.perspective(p);
            robot.waitForJobs();
            robot.flush();
            texts.walk(shell, "perspective " + p);
        }
        texts.walkMenu(shell.getMenuBar(), "menu");

        // every tool form
        robot.perspective(AppIds.PERSPECTIVE_ASSESSMENT);
        Tree tools = robot.byData(Tree.class, AppIds.WIDGET_ID_KEY, AppIds.VIEW_TOOLBOX + ".tree");
        Composite toolbox = tools.getParent();
        while (toolbox.getParent() != null && !AppIds.VIEW_TOOLBOX.equals(toolbox.getData(AppIds.WIDGET_ID_KEY))) {
            toolbox = toolbox.getParent();
        }
        int forms = 0;
        for (TreeItem category : tools.getItems()) {
            category.setExpanded(true);
            for (TreeItem tool : category.getItems()) {
                forms++;
                robot.select(tool, true);
                robot.waitForJobs();
                robot.flush();
                texts.walk(toolbox, "tool form '" + tool.getText() + "'");
            }
        }
        assertTrue(forms >= 10, "tool forms walked: " + forms);

        // the preferences dialog (modal: looked at from inside its event loop)
        Robot.ModalHandle prefs = robot.onModal(s -> s != shell && s.getText() != null && !s.getText().isEmpty(), s -> {
            texts.walk(s, "preferences dialog");
            s.close();
        }, "the preferences dialog");
        ActionFactory.PREFERENCES.create(PlatformUI.getWorkbench().getActiveWorkbenchWindow()).run();
        prefs.await();

        robot.screenshot(Path.of("target/screenshots/completeness-zh.png"));
        assertTrue(texts.missing().isEmpty(), texts.missing().size() + " visible texts without Chinese:\n" + String.join("\n", texts.missing()));
    }
}
