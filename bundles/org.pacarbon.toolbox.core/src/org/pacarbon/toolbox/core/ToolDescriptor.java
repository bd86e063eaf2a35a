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

    /**
     * A parameter with its label and hint in the user's language, from the contributing bundle's
     * {@code plugin_<language>.properties} ({@code param.<tool id>.<name>}, {@code param.<tool id>.<name>.hint}, or
     * {@code param.<name>} for all the bundle's tools); without a translation the tool's own text.
     */
    public Param localized(Tool tool, Param p) {
        return ToolTexts.localized(id, tool.getClass(), p, Languages.user());
    }

    /**
     * The entry a form shows for a value of a choice parameter: {@code choice.<tool id>.<name>.<value>} or
     * {@code choice.<name>.<value>} of the bundle's translation, else the value itself.
     */
    public String choiceLabel(Tool tool, Param p, String value) {
        return ToolTexts.choice(id, tool.getClass(), p, value, Languages.user());
    }

    /** A result text of the tool (table or chart title, column name, note) in the user's language. */
    public String resultText(Tool tool, String text) {
        return ToolTexts.result(tool.getClass(), text, Languages.user());
    }

    /**
     * The tool's help in the user's language: {@code help.<tool id>} of the bundle's translation, else (in a language
     * other than English) the declared description, which plugin.xml already translates; in English the tool's help.
     */
    public String localizedHelp(Tool tool) {
        return ToolTexts.help(id, tool.getClass(), tool.help(), description, Languages.user());
    }
}
