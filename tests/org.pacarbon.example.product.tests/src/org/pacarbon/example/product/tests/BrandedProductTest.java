package org.pacarbon.example.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProduct;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pacarbon.app.AppIds;
import org.pacarbon.test.ui.Robot;
import org.pacarbon.test.ui.ScreenshotOnFailure;

/**
 * Smoke test of the Example Institute's branded product (releng/org.pacarbon.example.product: PA-Carbon's features
 * plus one branding plug-in), started under Xvfb: its own product id, window title, window icons, first perspective
 * and the about text in Help > About.
 */
@ExtendWith(ScreenshotOnFailure.class)
public final class BrandedProductTest {
    private static final String NAME = "Example Institute Carbon Workbench";

    @Test
    public void theInstitutesProductShowsItsNameIconsFirstPerspectiveAndAboutText() throws Exception {
        Robot robot = new Robot();
        IProduct product = Platform.getProduct();
        assertEquals("org.pacarbon.example.branding.product", product.getId());
        assertEquals("org.pacarbon.example.branding", product.getDefiningBundle().getSymbolicName());
        assertEquals(NAME, product.getName());

        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        assertEquals(NAME, shell.getText(), "the window title is the institute's product name");
        Image[] images = shell.getImages();
        assertEquals(5, images.length, "the branding plug-in's five window icons");
        List<Integer> sizes = new ArrayList<>();
        for (Image i : images) {
            sizes.add(i.getBounds().width);
        }
        assertTrue(sizes.containsAll(List.of(16, 32, 48, 64, 128)), "icon sizes " + sizes);
        assertEquals(AppIds.PERSPECTIVE_RESEARCH, robot.page().getPerspective().getId(),
                "the product's first perspective (plugin_customization.ini), not PA-Carbon's map");

        StringBuilder aboutTexts = new StringBuilder();
        Robot.ModalHandle about = robot.onModal(s -> s != shell && s.getText() != null && s.getText().contains(NAME), s -> {
            collect(s, aboutTexts);
            s.close();
        }, "About " + NAME);
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.help.aboutAction", null);
        about.await();
        assertTrue(aboutTexts.toString().contains("Protected-area carbon assessments of the Example Institute"),
                "the about text of the branding plug-in: " + aboutTexts);
    }

    private static void collect(Control c, StringBuilder out) {
        String t = c instanceof StyledText st ? st.getText() : Robot.textOf(c);
        if (t != null) {
            out.append(t).append('\n');
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                collect(child, out);
            }
        }
    }
}
