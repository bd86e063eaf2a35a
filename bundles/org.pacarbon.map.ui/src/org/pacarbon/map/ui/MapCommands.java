package org.pacarbon.map.ui;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.jdt.annotation.NonNullByDefault;

/** File &gt; Open Map, Add Data, Add Basemap and Save Map As: the Map view is shown (opened if needed) and does the work. */
public final class MapCommands extends AbstractHandler {
    @Override
    @NonNullByDefault({})
    public Object execute(ExecutionEvent event) throws ExecutionException {
        MapView map = mapOf(HandlerUtil.getActiveWorkbenchWindowChecked(event));
        if (map != null) {
            switch (event.getCommand().getId()) {
                case "org.pacarbon.map.commands.openMap" -> MapToolbar.openMap(map); //$NON-NLS-1$
                case "org.pacarbon.map.commands.addData" -> MapToolbar.addData(map); //$NON-NLS-1$
                case "org.pacarbon.map.commands.saveMapAs" -> MapToolbar.saveMap(map); //$NON-NLS-1$
                case "org.pacarbon.map.commands.addBasemap" -> MapToolbar.addBasemap(map); //$NON-NLS-1$
                default -> throw new ExecutionException("not a map command: " + event.getCommand().getId()); //$NON-NLS-1$
            }
        }
        return null;
    }

    /** The window's Map view, shown (opened if needed); null when it cannot be opened. */
    static @Nullable MapView mapOf(IWorkbenchWindow window) {
        IWorkbenchPage page = window.getActivePage();
        if (page == null) {
            return null;
        }
        try {
            return page.showView(MapView.ID) instanceof MapView m ? m : null;
        } catch (PartInitException e) {
            return null;
        }
    }
}
