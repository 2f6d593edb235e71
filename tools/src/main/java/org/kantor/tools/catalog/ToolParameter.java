package org.kantor.tools.catalog;

import java.util.List;

/**
 * One parameter of a tool, described well enough for a plugin to build its dialog from it and for
 * {@link ToolArguments} to check a value: name, type, default, allowed choices or range, help text.
 */
public record ToolParameter(String name, Type type, String defaultValue, List<String> choices, Double minimum, Double maximum,
                            String description) {

    /** The value types, named as JSON Schema names them. */
    public enum Type {
        STRING("string"), INTEGER("integer"), NUMBER("number"), BOOLEAN("boolean");

        private final String jsonName;

        Type(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    public ToolParameter {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** One of a fixed list of words. */
    public static ToolParameter choice(String name, String defaultValue, String description, String... choices) {
        return new ToolParameter(name, Type.STRING, defaultValue, List.of(choices), null, null, description);
    }

    /** Free text, checked by the tool itself; no default. */
    public static ToolParameter text(String name, String description) {
        return text(name, description, null);
    }

    /** Free text with a default, checked by the tool itself. */
    public static ToolParameter text(String name, String description, String defaultValue) {
        return new ToolParameter(name, Type.STRING, defaultValue, List.of(), null, null, description);
    }

    /** A whole number within a range; {@code defaultValue} may be null (then the tool decides). */
    public static ToolParameter integer(String name, Long defaultValue, long minimum, long maximum, String description) {
        return new ToolParameter(name, Type.INTEGER, defaultValue == null ? null : defaultValue.toString(), List.of(),
                (double) minimum, (double) maximum, description);
    }

    /** A decimal number within a range. */
    public static ToolParameter number(String name, double defaultValue, double minimum, double maximum, String description) {
        return new ToolParameter(name, Type.NUMBER, Double.toString(defaultValue), List.of(), minimum, maximum, description);
    }

    /** The seed every tool that draws at random takes. */
    public static ToolParameter seed() {
        return integer("seed", null, Long.MIN_VALUE, Long.MAX_VALUE, "Seed for a reproducible result (default: a new one each time).");
    }

    /** true or false. */
    public static ToolParameter flag(String name, boolean defaultValue, String description) {
        return new ToolParameter(name, Type.BOOLEAN, Boolean.toString(defaultValue), List.of(), null, null, description);
    }
}
