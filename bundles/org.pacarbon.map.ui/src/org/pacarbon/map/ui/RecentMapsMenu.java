package org.pacarbon.map.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.CompoundContributionItem;

/** File &gt; Recent Maps: the map documents opened or saved last; choosing one opens it in a job. */
public final class RecentMapsMenu extends CompoundContributionItem {
    @Override
    protected IContributionItem[] getContributionItems() {
        List<IContributionItem> items = new ArrayList<>();
        int n = 1;
        for (Path p : RecentMaps.list()) {
            String label = (n <= 9 ? "&" + n + " " : "") + p.getFileName() + "  [" + p.getParent() + "]"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
            n++;
            items.add(new ActionContributionItem(new Action(label) {
                @Override
                public void run() {
                    MapView map = MapCommands.mapOf(PlatformUI.getWorkbench().getActiveWorkbenchWindow());
                    if (map != null) {
                        MapJobs.open(map, p);
                    }
                }
            }));
        }
        if (items.isEmpty()) {
            Action none = new Action(Messages.NoRecentMaps) {
                // nothing to open
            };
            none.setEnabled(false);
            items.add(new ActionContributionItem(none));
        }
        return items.toArray(IContributionItem[]::new);
    }
}
