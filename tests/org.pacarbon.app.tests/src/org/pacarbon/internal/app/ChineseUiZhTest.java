package org.pacarbon.internal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pacarbon.app.AppIds;
import org.pacarbon.test.ui.Robot;
import org.pacarbon.test.ui.ScreenshotOnFailure;

/**
 * Runs in a second test execution whose workbench is started with {@code -nl zh_CN}
 * (see this bundle's pom.xml): the whole UI is then in Simplified Chinese.
 */
@ExtendWith(ScreenshotOnFailure.class)
public final class ChineseUiZhTest {

    /** Perspective names, view titles and the window title come from the zh message bundles. */
    @Test
    public void uiIsInSimplifiedChinese() throws Exception {
        assertEquals("zh_CN", Platform.getNL());
        Robot robot = new Robot();
        IWorkbenchPage page = robot.perspective(AppIds.PERSPECTIVE_MAP);
        assertEquals("\u5730\u56fe", page.getPerspective().getLabel()); // 地图
        assertEquals("\u56fe\u5c42", page.findView(AppIds.VIEW_LAYERS).getTitle()); // 图层
        page = robot.perspective(AppIds.PERSPECTIVE_RESEARCH);
        assertEquals("\u7814\u7a76", page.getPerspective().getLabel()); // 研究
        assertNotNull(robot.byData(org.eclipse.swt.widgets.Tree.class, AppIds.WIDGET_ID_KEY, AppIds.VIEW_TRACKER + ".tree"));
        assertEquals("\u7814\u7a76\u8ddf\u8e2a", ((org.eclipse.ui.IWorkbenchPart2) page.findView(AppIds.VIEW_TRACKER)).getPartName()); // 研究跟踪
        assertEquals("PA-Carbon \u5de5\u4f5c\u53f0", Messages.App_title); // 工作台
        robot.screenshot(Path.of("target/screenshots/research-zh.png"));
    }
}
