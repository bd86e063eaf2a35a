package org.pacarbon.tracker.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.app.AppIds;
import org.pacarbon.test.ui.Robot;
import org.pacarbon.test.ui.ScreenshotOnFailure;
import org.pacarbon.tracker.core.Field;
import org.pacarbon.tracker.core.Item;
import org.pacarbon.tracker.core.TrackerStore;

/** The tracker in Simplified Chinese (this class runs in the workbench started with -nl zh_CN). */
@ExtendWith(ScreenshotOnFailure.class)
public final class TrackerViewZhTest {
    @TempDir
    Path dir;

    @Test
    public void theFrameworkAndTheFormAreInChinese() throws Exception {
        assertEquals("zh_CN", Platform.getNL());
        Path file = dir.resolve("tracker.sqlite");
        Item task;
        try (TrackerStore s = TrackerStore.open(file)) {
            task = s.addTask(s.find("Q8").id(), "示范保护地排放清单", Map.of(Field.STATUS, "in_progress", Field.OWNER, "王",
                    Field.PRIORITY, "high", Field.DUE, "2027-03-31", Field.PAS, "NP-1,NR-3"));
            s.addNote(task.id(), "游客量数据来自 2020 年调查");
            s.addTask(s.find("Q6").id(), "土壤采样", Map.of(Field.OWNER, "陈", Field.DUE, "2025-01-31"));
            s.addTask(s.find("Q12").id(), "物种丰富度图层", Map.of(Field.STATUS, "blocked", Field.OWNER, "李"));
            s.set(s.find("Q7").id(), Field.STATUS, "done");
        }
        Robot robot = new Robot().withTimeout(Duration.ofSeconds(20));
        robot.perspective(AppIds.PERSPECTIVE_RESEARCH);
        TrackerView view = (TrackerView) robot.view(TrackerView.ID);
        view.open(file);
        Tree tree = robot.byData(Tree.class, TrackerView.WIDGET_ID_KEY, TrackerView.ID + ".tree");
        assertEquals("K1  自然保护地碳循环作用机理研究", tree.getItem(0).getItem(0).getText(0));
        assertEquals("状态", tree.getColumn(1).getText());
        assertEquals("已完成", TrackerViewTest.row(robot, tree, "Q7  ").getText(1));
        tree.getShell().setBounds(tree.getDisplay().getBounds()); // no window manager to maximize under Xvfb
        robot.select(TrackerViewTest.row(robot, tree, task.code() + "  "), false);
        tree.showSelection();
        robot.flush();
        robot.screenshot(Path.of("target", "screenshots", "research-zh.png"));
        view.open(TrackerView.defaultFile());
    }
}
