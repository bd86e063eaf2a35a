package org.pacarbon.tracker.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.app.AppIds;
import org.pacarbon.gis.core.io.GeoTiffWriter;
import org.pacarbon.map.ui.LayersView;
import org.pacarbon.map.ui.MapView;
import org.pacarbon.test.ui.ChineseTexts;
import org.pacarbon.test.ui.Robot;
import org.pacarbon.test.ui.ScreenshotOnFailure;
import org.pacarbon.tracker.core.Field;
import org.pacarbon.tracker.core.Item;
import org.pacarbon.tracker.core.TrackerStore;

/**
 * The dialogs and forms that the perspective walk of {@code ChineseCompletenessZhTest} does not reach are Chinese
 * too (this class runs in the workbench started with -nl zh_CN): the tracker's item form and evidence dialog, the
 * map's style and export dialogs with a raster on the map, its layer list and legend.
 */
@ExtendWith(ScreenshotOnFailure.class)
public final class DialogsZhTest {
    @TempDir
    Path dir;

    @Test
    public void trackerAndMapDialogsAreInChinese() throws Exception {
        assertEquals("zh_CN", Platform.getNL());
        Robot robot = new Robot().withTimeout(Duration.ofSeconds(20));
        ChineseTexts texts = new ChineseTexts();

        // the tracker with a task selected: its form and the evidence dialog
        Path file = dir.resolve("tracker.sqlite");
        Item task;
        try (TrackerStore s = TrackerStore.open(file)) {
            task = s.addTask(s.find("Q8").id(), "示范保护地排放清单", Map.of(Field.STATUS, "in_progress", Field.OWNER, "王"));
        }
        robot.perspective(AppIds.PERSPECTIVE_RESEARCH);
        TrackerView view = (TrackerView) robot.view(TrackerView.ID);
        view.open(file);
        Tree tree = robot.byData(Tree.class, TrackerView.WIDGET_ID_KEY, TrackerView.ID + ".tree");
        robot.select(TrackerViewTest.row(robot, tree, task.code() + "  "), false);
        robot.flush();
        texts.walk(tree.getShell(), "research perspective with a task");
        Robot.ModalHandle h = robot.onModal(s -> EvidenceDialog.ID.equals(s.getData(TrackerView.WIDGET_ID_KEY)), s -> {
            texts.walk(s, "evidence dialog");
            s.close();
        }, "evidence dialog");
        robot.click(robot.byData(Button.class, TrackerView.WIDGET_ID_KEY, TrackerView.ID + ".form.addEvidence"));
        h.await();
        view.open(TrackerView.defaultFile());

        // the map with a raster: layers, legend, the style and export dialogs
        robot.perspective(AppIds.PERSPECTIVE_MAP);
        MapView map = (MapView) robot.view(MapView.ID);
        map.clear();
        Path tif = dir.resolve("t.tif");
        GeoTiffWriter.of(20, 10).crs(32650, false).upperLeft(500000, 4010000).cellSize(1000, 1000)
                .write(tif, (r, row) -> java.util.Arrays.fill(row, r));
        map.addRaster(tif, "碳密度", "carbon", 0, 10, "kgC/m2");
        map.zoomToFullExtent();
        robot.waitForJobs();
        robot.flush();
        texts.walk(tree.getShell(), "map perspective with a raster");
        robot.view(LayersView.ID);
        robot.select(robot.byData(Table.class, MapView.WIDGET_ID_KEY, LayersView.ID + ".table").getItem(0));
        h = robot.onModal(s -> (MapView.ID + ".style").equals(s.getData(MapView.WIDGET_ID_KEY)), s -> {
            texts.walk(s, "style dialog");
            s.close();
        }, "style dialog");
        robot.click(robot.byData(Button.class, MapView.WIDGET_ID_KEY, LayersView.ID + ".style"));
        h.await();
        robot.view(MapView.ID);
        h = robot.onModal(s -> (MapView.ID + ".export").equals(s.getData(MapView.WIDGET_ID_KEY)), s -> {
            texts.walk(s, "export dialog");
            s.close();
        }, "export dialog");
        map.exportFigure();
        h.await();
        h = robot.onModal(s -> s.getText().equals(org.pacarbon.map.ui.Messages.BasemapTitle), s -> {
            texts.walk(s, "basemap dialog");
            s.close();
        }, "basemap dialog");
        PlatformUI.getWorkbench().getService(org.eclipse.ui.handlers.IHandlerService.class).executeCommand("org.pacarbon.map.commands.addBasemap", null);
        h.await();
        map.clear();
        assertTrue(texts.missing().isEmpty(), texts.missing().size() + " visible texts without Chinese:\n" + String.join("\n", texts.missing()));
    }
}
