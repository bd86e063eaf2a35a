package org.pacarbon.toolbox.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pacarbon.app.AppIds;
import org.pacarbon.test.ui.Robot;
import org.pacarbon.test.ui.ScreenshotOnFailure;

/** The toolbox in Simplified Chinese (this class runs in the workbench started with -nl zh_CN). */
@ExtendWith(ScreenshotOnFailure.class)
public final class ToolboxViewZhTest {
    @Test
    public void toolsAndButtonsAreInChinese() throws Exception {
        assertEquals("zh_CN", Platform.getNL());
        Robot robot = new Robot();
        robot.perspective(AppIds.PERSPECTIVE_ASSESSMENT);
        ToolboxView v = (ToolboxView) robot.view(ToolboxView.ID);
        v.reloadTools();
        Tree tree = robot.byData(Tree.class, ToolboxView.WIDGET_ID_KEY, ToolboxView.ID + ".tree");
        List<String> names = List.of(tree.getItems()).stream().flatMap(c -> {
            List<String> l = new java.util.ArrayList<>(List.of(c.getText()));
            for (TreeItem t : c.getItems()) {
                l.add(t.getText());
            }
            return l.stream();
        }).toList();
        assertTrue(names.containsAll(List.of("碳评估", "保护空缺分析", "协同分区", "保护地碳排放清单")), names.toString());
        assertEquals("运行", robot.byData(Button.class, ToolboxView.WIDGET_ID_KEY, ToolboxView.ID + ".run").getText());
        robot.screenshot(Path.of("target", "screenshots", "assessment-zh.png"));
    }
}
