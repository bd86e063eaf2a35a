package org.pacarbon.internal.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pacarbon.app.AppIds;
import org.pacarbon.test.ui.Robot;
import org.pacarbon.test.ui.ScreenshotOnFailure;

/** Opens each perspective of the product with the robot and checks the views it shows. */
@ExtendWith(ScreenshotOnFailure.class)
public final class PerspectivesTest {

    private static Set<String> viewIds(IWorkbenchPage page) {
        Set<String> ids = new TreeSet<>();
        for (IViewReference ref : page.getViewReferences()) {
            ids.add(ref.getId());
        }
        return ids;
    }

    /** The Map perspective shows map, layers, catalog and legend, each drawn in the window. */
    @Test
    public void mapPerspectiveShowsMapLayersCatalogAndLegend() {
        Robot robot = new Robot();
        IWorkbenchPage page = robot.perspective(AppIds.PERSPECTIVE_MAP);
        assertEquals("Map", page.getPerspective().getLabel());
        assertTrue(viewIds(page).containsAll(Set.of(AppIds.VIEW_MAP, AppIds.VIEW_LAYERS, AppIds.VIEW_CATALOG, AppIds.VIEW_LEGEND)),
                () -> "views: " + viewIds(page));
        assertNotNull(robot.byData(Composite.class, AppIds.WIDGET_ID_KEY, AppIds.VIEW_MAP));
        assertNotNull(robot.byData(Composite.class, AppIds.WIDGET_ID_KEY, AppIds.VIEW_LAYERS));
        assertNotNull(robot.byData(Composite.class, AppIds.WIDGET_ID_KEY, AppIds.VIEW_LEGEND));
    }

    /** The Assessment perspective shows toolbox, map, results and layers. */
    @Test
    public void assessmentPerspectiveShowsToolboxAndResults() {
        Robot robot = new Robot();
        IWorkbenchPage page = robot.perspective(AppIds.PERSPECTIVE_ASSESSMENT);
        assertEquals("Assessment", page.getPerspective().getLabel());
        assertTrue(viewIds(page).containsAll(Set.of(AppIds.VIEW_TOOLBOX, AppIds.VIEW_MAP, AppIds.VIEW_RESULTS, AppIds.VIEW_LAYERS)),
                () -> "views: " + viewIds(page));
        assertNotNull(robot.byData(Composite.class, AppIds.WIDGET_ID_KEY, AppIds.VIEW_TOOLBOX));
    }

    /** The Research perspective shows the tracker view (its own tests are in org.pacarbon.tracker.ui.tests). */
    @Test
    public void researchPerspectiveShowsTracker() {
        Robot robot = new Robot();
        IWorkbenchPage page = robot.perspective(AppIds.PERSPECTIVE_RESEARCH);
        assertEquals("Research", page.getPerspective().getLabel());
        assertTrue(viewIds(page).contains(AppIds.VIEW_TRACKER), () -> "views: " + viewIds(page));
        assertNotNull(robot.byData(org.eclipse.swt.widgets.Tree.class, AppIds.WIDGET_ID_KEY, AppIds.VIEW_TRACKER + ".tree"));
    }

    /** The window carries the product's title and icon. */
    @Test
    public void windowHasProductTitleAndIcons() {
        Robot robot = new Robot();
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        robot.flush();
        assertTrue(shell.getText().contains("PA-Carbon Workbench"), shell.getText());
        assertTrue(shell.getImages().length > 0, "window has icons");
    }
}
