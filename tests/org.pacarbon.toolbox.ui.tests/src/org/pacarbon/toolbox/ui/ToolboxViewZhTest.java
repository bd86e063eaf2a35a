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

    /** A tool's results (tab titles, column names, notes) are shown in Chinese too. */
    @Test
    public void resultsAreInChinese(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("factors.csv"), "activity,unit,kgco2e_per_unit\nelectricity,kWh,0.5\n");
        java.nio.file.Files.writeString(dir.resolve("act.csv"), "pa_id,year,activity,amount,unit\nNP1,2019,electricity,2000,kWh\n"
                + "NP1,2020,electricity,3000,kWh\n");
        Robot robot = new Robot().withTimeout(java.time.Duration.ofSeconds(30));
        robot.perspective(AppIds.PERSPECTIVE_ASSESSMENT);
        ToolboxView v = (ToolboxView) robot.view(ToolboxView.ID);
        v.reloadTools();
        org.pacarbon.toolbox.core.ToolDescriptor d = org.pacarbon.toolbox.core.ToolRegistry.find("carbon.inventory");
        java.util.Map<String, String> values = java.util.Map.of("activities", dir.resolve("act.csv").toString(), "factors",
                dir.resolve("factors.csv").toString());
        v.open(d, values);
        v.run(d, values);
        robot.waitUntil(() -> !v.running(), "the run to end");
        robot.flush();
        robot.view(ResultsView.ID);
        org.eclipse.swt.custom.CTabFolder tabs = robot.byData(org.eclipse.swt.custom.CTabFolder.class, ToolboxView.WIDGET_ID_KEY,
                ResultsView.ID + ".tabs");
        assertEquals("各保护地、年份和活动的排放", tabs.getItem(0).getText());
        org.pacarbon.test.ui.ChineseTexts texts = new org.pacarbon.test.ui.ChineseTexts();
        for (int i = 0; i < tabs.getItemCount(); i++) {
            tabs.setSelection(i);
            robot.flush();
            texts.walk(tabs.getShell(), "results tab " + i);
        }
        robot.screenshot(Path.of("target", "screenshots", "results-zh.png"));
        assertTrue(texts.missing().isEmpty(), texts.missing().size() + " visible texts without Chinese:\n" + String.join("\n", texts.missing()));
    }
}
