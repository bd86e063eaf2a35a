package org.pacarbon.toolbox.core;

import java.util.List;

/**
 * A tool of the toolbox: declared in a bundle's plugin.xml under {@code org.pacarbon.toolbox.core.tools} (id,
 * name, category, class) and implemented by this interface. The CLI ({@code ./pacarbon run ID}) and the
 * workbench run the very same object; it must hold no UI code. See {@code schema/tools.exsd}.
 */
public interface Tool {
    /** One paragraph: what the tool computes, from what, and what it writes. Shown in help and the form. */
    String help();

    /** The parameters, in the order the form shows them. */
    List<Param> params();

    /**
     * Runs the tool. Throw {@link ToolException} for bad input (its message names the parameter or file),
     * call {@link Progress#checkCancelled()} at least once a second.
     */
    ToolResult run(ToolValues values, Progress progress) throws ToolException;
}
