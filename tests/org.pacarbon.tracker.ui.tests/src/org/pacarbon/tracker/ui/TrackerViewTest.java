package org.pacarbon.tracker.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.operations.OperationHistoryFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swt.widgets.Widget;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.app.AppIds;
import org.pacarbon.cli.Commands;
import org.pacarbon.test.ui.Robot;
import org.pacarbon.test.ui.ScreenshotOnFailure;
import org.pacarbon.tracker.core.Evidence;
import org.pacarbon.tracker.core.Field;
import org.pacarbon.tracker.core.Item;
import org.pacarbon.tracker.core.Status;
import org.pacarbon.tracker.core.TrackerStore;

/** The research tracker driven like a user: framework tree, a new work item, status, evidence, filter, undo. */
@ExtendWith(ScreenshotOnFailure.class)
public final class TrackerViewTest {
    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        System.clearProperty("pacarbon.tracker");
    }

    static List<TreeItem> all(Tree tree) {
        List<TreeItem> out = new ArrayList<>();
        for (TreeItem i : tree.getItems()) {
            collect(i, out);
        }
        return out;
    }

    private static void collect(TreeItem i, List<TreeItem> out) {
        out.add(i);
        for (TreeItem k : i.getItems()) {
            if (k.getData() != null) { // a collapsed parent holds a dummy child
                collect(k, out);
            }
        }
    }

    static TreeItem row(Robot robot, Tree tree, String codePrefix) {
        robot.waitUntil(() -> all(tree).stream().anyMatch(i -> i.getText(0).startsWith(codePrefix)), "row " + codePrefix);
        return all(tree).stream().filter(i -> i.getText(0).startsWith(codePrefix)).findFirst().orElseThrow();
    }

    private static <T extends Widget> T in(Robot robot, Class<T> type, String id) {
        return robot.byData(type, TrackerView.WIDGET_ID_KEY, id);
    }

    /** Runs the demo assessment (illustrative data) and returns its output folder. */
    static Path demo(Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new Commands(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8))
                .run(new String[] {"demo", "--dir", dir.resolve("data").toString(), "--out", dir.resolve("output").toString()});
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        return dir.resolve("output");
    }

    @Test
    public void addAWorkItemSetItsStatusLinkTheDemoAssessmentAndOpenIt() throws Exception {
        Path output = demo(dir);
        Path file = dir.resolve("research-tracker.sqlite");
        System.setProperty("pacarbon.tracker", file.toString());
        Robot robot = new Robot().withTimeout(Duration.ofSeconds(20));
        IWorkbenchPage page = robot.perspective(AppIds.PERSPECTIVE_RESEARCH);
        page.hideView(page.findView(TrackerView.ID));
        TrackerView view = (TrackerView) robot.view(TrackerView.ID);
        assertEquals(file, view.file());
        Tree tree = in(robot, Tree.class, TrackerView.ID + ".tree");

        // the framework: 3 key issues, 14 questions
        assertEquals(1, tree.getItemCount());
        TreeItem framework = tree.getItem(0);
        assertEquals(3, framework.getItemCount());
        assertEquals("K1  How carbon cycles in protected areas (the mechanism)", framework.getItem(0).getText(0));
        int questions = 0;
        for (TreeItem issue : framework.getItems()) {
            questions += issue.getItemCount();
        }
        assertEquals(14, questions);
        assertEquals("Q14  A joint governance system", framework.getItem(2).getItem(2).getText(0));

        // add a work item under Q8 (Insert), type its title, set its status
        robot.select(row(robot, tree, "Q8  "), false);
        Event insert = new Event();
        insert.keyCode = SWT.INSERT;
        tree.notifyListeners(SWT.KeyDown, insert);
        robot.flush();
        Item task = view.selected();
        assertEquals("New work item", task.title());
        Text title = in(robot, Text.class, TrackerView.ID + ".form.title");
        robot.type(title, "Emission inventory of the demo parks", true);
        Combo status = in(robot, Combo.class, TrackerView.ID + ".form.status");
        robot.select(status, "in progress");
        robot.type(in(robot, Text.class, TrackerView.ID + ".form.owner"), "Ana", true);
        TreeItem taskRow = row(robot, tree, task.code() + "  ");
        assertEquals(task.code() + "  Emission inventory of the demo parks", taskRow.getText(0));
        assertEquals("in progress", taskRow.getText(1));
        assertEquals("Ana", taskRow.getText(3));
        assertEquals(Status.IN_PROGRESS, view.store().item(task.id()).status());

        // a bad date is refused inline and not saved
        Text due = in(robot, Text.class, TrackerView.ID + ".form.due");
        robot.type(due, "next spring", true);
        Label dateProblem = in(robot, Label.class, TrackerView.ID + ".form.message");
        assertTrue(dateProblem.getText().contains("not a date"));
        // the problem is shown right under the date field (it used to appear far below, under the description)
        Text tagsField = in(robot, Text.class, TrackerView.ID + ".form.tags");
        assertTrue(dateProblem.getBounds().y > due.getBounds().y && dateProblem.getBounds().y < tagsField.getBounds().y,
                "message at " + dateProblem.getBounds() + ", due at " + due.getBounds() + ", tags at " + tagsField.getBounds());
        assertEquals(null, view.store().item(task.id()).due());

        // undo and redo the owner change
        OperationHistoryFactory.getOperationHistory().undo(view.undoContext(), null, null);
        robot.flush();
        assertEquals("", view.store().item(task.id()).owner());
        OperationHistoryFactory.getOperationHistory().redo(view.undoContext(), null, null);
        robot.flush();
        assertEquals("Ana", view.store().item(task.id()).owner());

        // link the demo assessment run as evidence, through the dialog
        Path provenance = output.resolve("provenance.json");
        assertTrue(Files.isRegularFile(provenance));
        robot.select(row(robot, tree, task.code() + "  "), false);
        Robot.ModalHandle h = robot.onModal(s -> EvidenceDialog.ID.equals(s.getData(TrackerView.WIDGET_ID_KEY)), shell -> {
            Text target = robot.byData(Text.class, TrackerView.WIDGET_ID_KEY, EvidenceDialog.ID + ".target");
            robot.type(target, provenance.toString(), false);
            Combo type = robot.byData(Combo.class, TrackerView.WIDGET_ID_KEY, EvidenceDialog.ID + ".type");
            assertEquals("run", type.getText(), "the type follows the file");
            Button ok = robot.byData(Button.class, TrackerView.WIDGET_ID_KEY, EvidenceDialog.ID + ".ok");
            assertTrue(ok.isEnabled());
            robot.click(ok);
        }, "add evidence");
        robot.click(in(robot, Button.class, TrackerView.ID + ".form.addEvidence"));
        h.await();
        robot.flush();
        List<Evidence> ev = view.store().evidence(task.id());
        assertEquals(1, ev.size());
        assertEquals(Evidence.Type.RUN, ev.get(0).type());
        assertEquals(provenance.toString(), ev.get(0).target());
        Table evidence = in(robot, Table.class, TrackerView.ID + ".form.evidence");
        assertEquals(1, evidence.getItemCount());
        assertEquals("run", evidence.getItem(0).getText(0));
        // the label column shows the whole label ("assessment run output" was cut at a fixed 100 pixels)
        String label = evidence.getItem(0).getText(1);
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(evidence);
        int labelWidth;
        try {
            labelWidth = gc.textExtent(label).x;
        } finally {
            gc.dispose();
        }
        assertTrue(evidence.getColumn(1).getWidth() > labelWidth, label + ": " + labelWidth + " px, column "
                + evidence.getColumn(1).getWidth());

        // a map document of the demo at an extent
        Path npp = Files.list(output.resolve("figures")).filter(p -> p.toString().endsWith(".pamap")).sorted().findFirst()
                .orElseThrow();
        assertTrue(view.linkEvidence(task.id(), Evidence.Type.MAP, npp.toString(), "demo map", "100,25,110,35"));
        // undo takes the link away again and the form's evidence list follows at once (it used to keep showing it)
        Table evList = in(robot, Table.class, TrackerView.ID + ".form.evidence");
        robot.waitUntil(() -> evList.getItemCount() == 2, "two evidence rows");
        OperationHistoryFactory.getOperationHistory().undo(view.undoContext(), null, null);
        robot.waitUntil(() -> evList.getItemCount() == 1, "the evidence list after undo");
        OperationHistoryFactory.getOperationHistory().redo(view.undoContext(), null, null);
        robot.waitUntil(() -> evList.getItemCount() == 2, "the evidence list after redo");

        // close the view, open it again: everything is still there; open the run
        page.hideView(view);
        view = (TrackerView) robot.view(TrackerView.ID);
        tree = in(robot, Tree.class, TrackerView.ID + ".tree");
        robot.select(row(robot, tree, task.code() + "  "), false);
        evidence = in(robot, Table.class, TrackerView.ID + ".form.evidence");
        assertEquals(2, evidence.getItemCount());
        robot.select(evidence.getItem(0));
        List<String> shown = new ArrayList<>();
        h = robot.onModal(s -> EvidenceOpener.VIEWER_ID.equals(s.getData(TrackerView.WIDGET_ID_KEY)), shell -> {
            Text text = robot.byData(Text.class, TrackerView.WIDGET_ID_KEY, EvidenceOpener.VIEWER_ID + ".text");
            shown.add(text.getText());
            robot.click(robot.byData(Button.class, TrackerView.WIDGET_ID_KEY, EvidenceOpener.VIEWER_ID + ".close"));
        }, "the evidence viewer");
        robot.click(in(robot, Button.class, TrackerView.ID + ".form.openEvidence"));
        h.await();
        assertTrue(shown.get(0).contains(Files.readString(output.resolve("tables.md")).lines().findFirst().orElseThrow()),
                shown.get(0));
        assertTrue(shown.get(0).contains("provenance.json"));

        // the map evidence opens the map view at the linked extent
        robot.select(evidence.getItem(1));
        robot.click(in(robot, Button.class, TrackerView.ID + ".form.openEvidence"));
        org.pacarbon.map.ui.MapView map = (org.pacarbon.map.ui.MapView) page.findView("org.pacarbon.views.map");
        assertNotNull(map, "the map view is shown");
        assertFalse(map.layers().isEmpty());
        assertEquals(new org.locationtech.jts.geom.Envelope(100, 110, 25, 35), map.extent());
        robot.perspective(AppIds.PERSPECTIVE_RESEARCH);
        view = (TrackerView) robot.view(TrackerView.ID);
        tree = in(robot, Tree.class, TrackerView.ID + ".tree");

        // overdue items are red, blocked ones amber
        Item other = view.store().addTask(view.store().find("Q6").id(), "Soil cores in the demo reserves",
                Map.of(Field.OWNER, "Chen", Field.DUE, "2025-01-31"));
        Item blocked = view.store().addTask(view.store().find("Q12").id(), "Species richness layer",
                Map.of(Field.STATUS, "blocked", Field.OWNER, "Li", Field.DUE, "2027-06-30"));
        view.store().addTask(view.store().find("Q7").id(), "NPP trend 2000-2020 from MODIS",
                Map.of(Field.STATUS, "done", Field.OWNER, "Ana"));
        view.reload();
        assertEquals(new RGB(183, 28, 28), row(robot, tree, other.code() + "  ").getForeground(0).getRGB());
        assertEquals(new RGB(255, 224, 178), row(robot, tree, blocked.code() + "  ").getBackground(0).getRGB());

        // the filter shows matching items with their ancestors
        robot.type(in(robot, Text.class, TrackerView.ID + ".search"), "soil cores", false);
        assertEquals(List.of("PA-CARBON", "K2", "Q6", other.code()),
                all(tree).stream().map(i -> i.getText(0).split(" ")[0]).toList());
        assertTrue(in(robot, Label.class, TrackerView.ID + ".count").getText().startsWith("1 of 22"));
        robot.type(in(robot, Text.class, TrackerView.ID + ".search"), "", false);

        page.hideView(map);
        tree.getShell().setBounds(tree.getDisplay().getBounds()); // no window manager to maximize under Xvfb
        robot.select(row(robot, tree, task.code() + "  "), false);
        tree.showSelection();
        robot.screenshot(Path.of("target", "screenshots", "research-en.png"));
    }

    @Test
    public void aDamagedFileIsExplainedAndRestoredFromItsBackupOnRequest() throws Exception {
        Path file = dir.resolve("damaged.sqlite");
        try (TrackerStore s = TrackerStore.open(file)) {
            s.addTask(s.find("Q1").id(), "Typed before the damage", Map.of());
        }
        TrackerStore.open(file).close(); // this open backs it up
        Files.writeString(file, "garbage written over the tracker");
        Robot robot = new Robot().withTimeout(Duration.ofSeconds(20));
        robot.perspective(AppIds.PERSPECTIVE_RESEARCH);
        TrackerView view = (TrackerView) robot.view(TrackerView.ID);
        view.open(file);
        Label problem = in(robot, Label.class, TrackerView.ID + ".problem");
        assertTrue(problem.isVisible());
        assertTrue(problem.getText().contains("damaged.sqlite is damaged"), problem.getText());
        assertEquals("garbage written over the tracker", Files.readString(file), "nothing is replaced silently");
        Button restore = in(robot, Button.class, TrackerView.ID + ".restore");
        assertTrue(restore.isEnabled());
        Robot.ModalHandle h = robot.onModal(s -> s.getText().equals(Messages.Error_title), Shell::close, "restored message");
        robot.click(restore);
        h.await();
        Tree tree = in(robot, Tree.class, TrackerView.ID + ".tree");
        assertTrue(tree.isVisible());
        assertTrue(all(tree).stream().anyMatch(i -> i.getText(0).endsWith("Typed before the damage")));
        assertTrue(Files.list(dir).anyMatch(p -> p.getFileName().toString().startsWith("damaged.sqlite.damaged-")),
                "the damaged file is kept");
        view.open(TrackerView.defaultFile());
    }
}
