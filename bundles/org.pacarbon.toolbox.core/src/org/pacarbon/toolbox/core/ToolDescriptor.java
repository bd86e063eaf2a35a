package org.pacarbon.toolbox.core;

/**
 * A tool as declared in plugin.xml: what the toolbox shows before the tool's bundle is loaded.
 *
 * @param bundle the contributing bundle (plug-in authors see their tool's origin in the help)
 */
public record ToolDescriptor(String id, String name, String category, String description, String bundle,
        ToolFactory factory) {

    /** Makes the tool object (loading its bundle). */
    public interface ToolFactory {
        Tool create() throws ToolException;
    }

    public Tool create() throws ToolException {
        return factory.create();
    }
}
