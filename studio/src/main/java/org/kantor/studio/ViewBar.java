package org.kantor.studio;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ToggleButton;

/** How the score is shown: its size (zoom) and whether it is laid out on A4 pages or as one continuous page. */
final class ViewBar {

    private final ComboBox<String> zoom = new ComboBox<>();
    private final ToggleButton pages = new ToggleButton("Pages");

    ViewBar(EngravedView engraved) {
        zoom.getItems().addAll("50%", "75%", "100%", "125%", "150%", "200%");
        zoom.setValue("100%");
        zoom.setTooltip(new javafx.scene.control.Tooltip("Zoom"));
        pages.setTooltip(new javafx.scene.control.Tooltip("Lay the score out on A4 pages, as it prints"));
        zoom.setOnAction(e -> engraved.layout(zoomFactor(), pages.isSelected()));
        pages.setOnAction(e -> engraved.layout(zoomFactor(), pages.isSelected()));
    }

    List<Node> nodes() {
        return List.of(new javafx.scene.control.Label("Zoom"), zoom, pages);
    }

    private double zoomFactor() {
        return Integer.parseInt(zoom.getValue().replace("%", "")) / 100.0;
    }
}
