package org.kantor.tools.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values given for a tool's parameters, checked once against their declarations: unknown names,
 * wrong types, values out of range or not among the choices are refused with a message that says
 * what is allowed. Getters return the value given or the declared default.
 */
public final class ToolArguments {

    private final String tool;
    private final String prefix;
    private final Map<String, ToolParameter> declared = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    private ToolArguments(String tool, List<ToolParameter> parameters, String prefix) {
        this.tool = tool;
        this.prefix = prefix;
        for (ToolParameter p : parameters) {
            declared.put(p.name(), p);
        }
    }

    /**
     * Checks {@code given} (name to text; null or blank values count as not given) against {@code parameters}.
     * @param prefix written before parameter names in messages: "--" for the command line's options, "" for the server
     */
    public static ToolArguments of(String tool, List<ToolParameter> parameters, Map<String, String> given, String prefix) {
        ToolArguments args = new ToolArguments(tool, parameters, prefix);
        for (Map.Entry<String, String> e : given.entrySet()) {
            ToolParameter p = args.declared.get(e.getKey());
            if (p == null) {
                throw ToolInputException.parameter(tool + " has no parameter \"" + e.getKey() + "\"; its parameters are "
                        + String.join(", ", args.declared.keySet()));
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            args.values.put(p.name(), check(prefix + p.name() + " ", p, e.getValue().trim()));
        }
        return args;
    }

    private static String check(String where, ToolParameter p, String value) {
        switch (p.type()) {
            case BOOLEAN -> {
                String v = value.toLowerCase(Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) {
                    throw ToolInputException.parameter(where + "takes true or false, not \"" + value + "\"");
                }
                return v;
            }
            case INTEGER, NUMBER -> {
                double number;
                try {
                    number = p.type() == ToolParameter.Type.INTEGER ? Long.parseLong(value) : Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw ToolInputException.parameter(where + "takes " + (p.type() == ToolParameter.Type.INTEGER ? "a whole number" : "a number")
                            + ", not \"" + value + "\"");
                }
                if (Double.isNaN(number) || (p.minimum() != null && number < p.minimum()) || (p.maximum() != null && number > p.maximum())) {
                    throw ToolInputException.parameter(where + "must be between " + format(p.minimum()) + " and " + format(p.maximum())
                            + ", not " + value);
                }
                return value;
            }
            default -> {
                if (!p.choices().isEmpty()) {
                    String v = value.toLowerCase(Locale.ROOT);
                    if (!p.choices().contains(v)) {
                        throw ToolInputException.parameter(where + "must be " + alternatives(p.choices()) + ", not \"" + value + "\"");
                    }
                    return v;
                }
                return value;
            }
        }
    }

    private static String alternatives(List<String> choices) {
        int last = choices.size() - 1;
        return last == 0 ? choices.get(0) : String.join(", ", choices.subList(0, last)) + " or " + choices.get(last);
    }

    private static String format(Double bound) {
        if (bound == null) {
            return "any";
        }
        return bound == Math.rint(bound) ? Long.toString(bound.longValue()) : bound.toString();
    }

    public String tool() {
        return tool;
    }

    /** The parameter's name as the user wrote it: "--voices" on the command line, "voices" for the server. */
    public String label(String name) {
        return prefix + known(name).name();
    }

    /**
     * An engine's refusal of a value (its message names options as the command line does, "--measures")
     * as this front end's refusal, naming the parameter as the user wrote it.
     */
    public ToolInputException refused(IllegalArgumentException e) {
        return ToolInputException.parameter(prefix.equals("--") ? e.getMessage() : e.getMessage().replace("--", prefix));
    }

    /** The seed given, or a new one. */
    public long seed() {
        return given("seed") ? whole("seed") : System.nanoTime();
    }

    /** Whether a value was given (rather than the default). */
    public boolean given(String name) {
        return values.containsKey(known(name).name());
    }

    /** The text given or the default; null when neither. */
    public String text(String name) {
        ToolParameter p = known(name);
        return values.getOrDefault(name, p.defaultValue());
    }

    /** A comma-separated text as a list of trimmed items; empty when not given. */
    public List<String> list(String name) {
        String v = text(name);
        List<String> out = new ArrayList<>();
        if (v != null) {
            for (String item : v.split(",")) {
                if (!item.isBlank()) {
                    out.add(item.trim());
                }
            }
        }
        return out;
    }

    public Long whole(String name) {
        String v = text(name);
        return v == null ? null : Long.parseLong(v);
    }

    public double number(String name) {
        return Double.parseDouble(text(name));
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(text(name));
    }

    private ToolParameter known(String name) {
        ToolParameter p = declared.get(name);
        if (p == null) {
            throw new IllegalArgumentException(tool + " declares no parameter " + name);
        }
        return p;
    }
}
