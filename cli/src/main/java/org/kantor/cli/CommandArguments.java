package org.kantor.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kantor.tools.catalog.Tool;
import org.kantor.tools.catalog.ToolArguments;

/**
 * A command's typed options handed to its tool as the catalog declares them, so that the command
 * line checks and explains a value exactly as the server and the plugins do ("--measures must be ...").
 */
final class CommandArguments {

    private CommandArguments() {
    }

    /** @param namesAndValues parameter name, value (null: not given), name, value ... */
    static ToolArguments of(Tool tool, Object... namesAndValues) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            given.put((String) namesAndValues[i], value == null ? null : value.toString());
        }
        return ToolArguments.of(tool.name(), tool.parameters(), given, "--");
    }
}
