package org.pacarbon.internal.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.bindings.Binding;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pacarbon.test.ui.Robot;
import org.pacarbon.test.ui.ScreenshotOnFailure;

/** The keyboard shortcuts the README promises are bound in the running workbench. */
@ExtendWith(ScreenshotOnFailure.class)
public final class KeyBindingsTest {
    @Test
    public void redoIsCtrlYAsTheReadmeSays() throws Exception {
        Robot robot = new Robot();
        List<String> redo = new ArrayList<>();
        robot.display().syncExec(() -> {
            IBindingService bs = PlatformUI.getWorkbench().getService(IBindingService.class);
            for (Binding b : bs.getBindings()) {
                if (b.getParameterizedCommand() != null && "org.eclipse.ui.edit.redo".equals(b.getParameterizedCommand().getId())
                        && b.getType() == Binding.SYSTEM && b.getTriggerSequence() instanceof KeySequence k) {
                    redo.add(k.format());
                }
            }
        });
        assertTrue(redo.contains(KeySequence.getInstance("M1+Y").format()), "redo is bound to " + redo);
    }
}
