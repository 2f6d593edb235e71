package org.kantor.studio;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.kantor.tools.catalog.Tool;
import org.kantor.tools.catalog.ToolParameter;

/** A tool's parameters as form controls, made from the catalog's description: a list for choices, a box for flags, fields for the rest. */
final class ToolForm {

    private final GridPane grid = new GridPane();
    private final Map<String, Supplier<String>> values = new LinkedHashMap<>();

    ToolForm(Tool tool) {
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        for (ToolParameter p : tool.parameters()) {
            Label label = new Label(p.name().replace('-', ' '));
            label.setTooltip(new Tooltip(p.description()));
            grid.add(label, 0, row);
            if (!p.choices().isEmpty()) {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().addAll(p.choices());
                box.setValue(p.defaultValue());
                box.setTooltip(new Tooltip(p.description()));
                grid.add(box, 1, row);
                values.put(p.name(), box::getValue);
            } else if (p.type() == ToolParameter.Type.BOOLEAN) {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.parseBoolean(p.defaultValue()));
                box.setTooltip(new Tooltip(p.description()));
                grid.add(box, 1, row);
                values.put(p.name(), () -> Boolean.toString(box.isSelected()));
            } else {
                TextField field = new TextField(p.defaultValue() == null ? "" : p.defaultValue());
                field.setPromptText(p.description().length() > 40 ? p.description().substring(0, 40) + "..." : p.description());
                field.setTooltip(new Tooltip(p.description()));
                field.setId("parameter-" + p.name());
                grid.add(field, 1, row);
                values.put(p.name(), field::getText);
            }
            row++;
        }
    }

    GridPane node() {
        return grid;
    }

    /** The values given, as the catalog takes them: empty fields left out, so the tool's defaults apply. */
    Map<String, String> values() {
        Map<String, String> given = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            String v = value.get();
            if (v != null && !v.isBlank()) {
                given.put(name, v.trim());
            }
        });
        return given;
    }
}
