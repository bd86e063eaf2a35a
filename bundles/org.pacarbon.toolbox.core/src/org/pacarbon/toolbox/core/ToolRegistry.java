package org.pacarbon.toolbox.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;

/** The tools contributed to {@code org.pacarbon.toolbox.core.tools}, plus any registered in code (tests). */
public final class ToolRegistry {
    /** Id of the extension point. */
    public static final String EXTENSION_POINT = "org.pacarbon.toolbox.core.tools";
    private static final Map<String, ToolDescriptor> EXTRA = new LinkedHashMap<>();

    private ToolRegistry() {
    }

    /** Registers a tool without plugin.xml (for tests and embedding). */
    public static synchronized void register(ToolDescriptor d) {
        EXTRA.put(d.id(), d);
    }

    public static synchronized void unregister(String id) {
        EXTRA.remove(id);
    }

    /** Every tool, sorted by category and name; problems with declarations go to {@code problems}. */
    public static synchronized List<ToolDescriptor> tools(List<String> problems) {
        Map<String, ToolDescriptor> all = new LinkedHashMap<>();
        IExtensionRegistry reg = RegistryFactory.getRegistry();
        if (reg != null) {
            for (IConfigurationElement e : reg.getConfigurationElementsFor(EXTENSION_POINT)) {
                if (!"tool".equals(e.getName())) {
                    continue;
                }
                String id = e.getAttribute("id");
                String bundle = e.getContributor().getName();
                if (id == null || e.getAttribute("class") == null) {
                    problems.add("a tool in " + bundle + " has no id or class");
                    continue;
                }
                if (all.containsKey(id)) {
                    problems.add("tool id " + id + " is declared twice (" + all.get(id).bundle() + ", " + bundle + ")");
                    continue;
                }
                all.put(id, new ToolDescriptor(id, attr(e, "name", id), attr(e, "category", "Other"),
                        attr(e, "description", ""), bundle, () -> {
                            try {
                                Object o = e.createExecutableExtension("class");
                                if (!(o instanceof Tool t)) {
                                    throw new ToolException("tool " + id + " of " + bundle + ": " + o.getClass().getName()
                                            + " does not implement org.pacarbon.toolbox.core.Tool");
                                }
                                return t;
                            } catch (CoreException ex) {
                                throw new ToolException("tool " + id + " of " + bundle + " cannot be loaded: "
                                        + ex.getStatus().getMessage(), ex);
                            }
                        }));
            }
        }
        EXTRA.forEach(all::putIfAbsent);
        List<ToolDescriptor> out = new ArrayList<>(all.values());
        out.sort(Comparator.comparing(ToolDescriptor::category).thenComparing(ToolDescriptor::name));
        return out;
    }

    public static List<ToolDescriptor> tools() {
        return tools(new ArrayList<>());
    }

    public static ToolDescriptor find(String id) throws ToolException {
        for (ToolDescriptor d : tools()) {
            if (d.id().equals(id)) {
                return d;
            }
        }
        throw new ToolException("no tool '" + id + "' (./pacarbon tools lists them)");
    }

    private static String attr(IConfigurationElement e, String name, String dflt) {
        String v = e.getAttribute(name);
        return v == null || v.isBlank() ? dflt : v;
    }
}
