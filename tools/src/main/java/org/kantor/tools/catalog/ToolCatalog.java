package org.kantor.tools.catalog;

import java.util.List;
import java.util.Optional;

/** The tools the server offers, in menu order. */
public record ToolCatalog(List<Tool> tools) {

    public ToolCatalog {
        tools = List.copyOf(tools);
    }

    public Optional<Tool> find(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return tools.stream().map(Tool::name).toList();
    }
}
