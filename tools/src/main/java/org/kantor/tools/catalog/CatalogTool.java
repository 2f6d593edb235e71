package org.kantor.tools.catalog;

import java.util.List;

/** What a tool says about itself, held once: its name, title and help, what it takes, its parameters and what it answers. */
abstract class CatalogTool implements Tool {

    private final String name;
    private final String title;
    private final String description;
    private final ToolInput takes;
    private final List<ToolParameter> parameters;
    private final List<String> produces;

    CatalogTool(String name, String title, String description, ToolInput takes, List<ToolParameter> parameters, List<String> produces) {
        this.name = name;
        this.title = title;
        this.description = description;
        this.takes = takes;
        this.parameters = List.copyOf(parameters);
        this.produces = List.copyOf(produces);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final ToolInput takes() {
        return takes;
    }

    @Override
    public final List<ToolParameter> parameters() {
        return parameters;
    }

    @Override
    public final List<String> produces() {
        return produces;
    }
}
