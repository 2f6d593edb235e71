package org.kantor.studio;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.tools.catalog.Tool;
import org.kantor.tools.catalog.ToolInput;

/**
 * Kantor Studio's window: the score engraved in the middle, the catalog's tools on the right (each with
 * its parameters as a form, run in the background with a progress bar and a Cancel button), and a tool
 * bar to open, save, undo and redo. Every tool result is one undo step; closing with unsaved changes asks.
 */
public final class StudioWindow {

    private final StudioSession session;
    private final Stage stage;
    private final EngravedView engraved = new EngravedView();
    private final ComboBox<String> toolChoice = new ComboBox<>();
    private final VBox form = new VBox(8);
    private final ProgressBar progress = new ProgressBar(0);
    private final Button run = new Button("Run");
    private final Button cancel = new Button("Cancel");
    private final Button undo = new Button("Undo");
    private final Button redo = new Button("Redo");
    private final Label status = new Label("Open a score or a recording, or drop one here.");
    private final javafx.scene.control.MenuButton recentMenu = new javafx.scene.control.MenuButton("Recent");
    private final Button openInMuseScore = new Button("Open in MuseScore");
    private final MuseScoreApp museScore = MuseScoreApp.find();
    private final RecentFiles recent = RecentFiles.ofUser();
    private final PlaybackBar playback = new PlaybackBar(engraved, this::scoreShown, status::setText);
    private final TextArea report = new TextArea();
    private final javafx.scene.control.ListView<CheckFindings.Finding> findings = new javafx.scene.control.ListView<>();
    private final Label findingsSummary = new Label();
    /** Once the musician has run Check, every new version is checked again. */
    private boolean checking;
    private final ComboBox<Integer> variationCount = new ComboBox<>();
    private final HBox compare = new HBox(6);
    private List<byte[]> candidates = List.of();
    private int shown = -1;
    private ToolForm currentForm;
    private int ringed;
    private boolean synthesizerPrepared;
    private Path otherFile;
    private Task<StudioSession.Outcome> running;
    private CompletableFuture<Integer> rendered = new CompletableFuture<>();

    public StudioWindow(StudioSession session, Stage stage) {
        this.session = session;
        this.stage = stage;
        Button open = new Button("Open...");
        open.setOnAction(e -> chooseAndOpen());
        Button save = new Button("Save as...");
        save.setOnAction(e -> chooseAndSave());
        open.setId("open");
        save.setId("save-as");
        undo.setId("undo");
        redo.setId("redo");
        run.setId("run");
        cancel.setId("cancel");
        toolChoice.setId("tool");
        recentMenu.setOnShowing(e -> listRecent());
        openInMuseScore.setOnAction(e -> openInMuseScore());
        openInMuseScore.setDisable(museScore == null);
        openInMuseScore.setTooltip(new javafx.scene.control.Tooltip(museScore == null ? "MuseScore is not installed (not found on the PATH)"
                : "Go on editing the version shown in " + museScore.program()));
        undo.setOnAction(e -> step(true));
        redo.setOnAction(e -> step(false));
        // files, history and view above; the music's controls below them; what happened in the status bar at the foot
        ToolBar bar = new ToolBar(open, recentMenu, save, openInMuseScore, new Separator(Orientation.VERTICAL), undo, redo,
                new Separator(Orientation.VERTICAL));
        bar.getItems().addAll(new ViewBar(engraved).nodes());
        ToolBar playbackBar = new ToolBar();
        playbackBar.getItems().addAll(playback.nodes());
        HBox statusBar = new HBox(status);
        statusBar.setPadding(new Insets(3, 10, 3, 10));
        statusBar.setStyle("-fx-border-color: #c8c8c8; -fx-border-width: 1 0 0 0;");

        session.catalog().tools().forEach(t -> toolChoice.getItems().add(t.name()));
        toolChoice.setOnAction(e -> showForm(toolChoice.getValue()));
        run.setOnAction(e -> runTool());
        cancel.setOnAction(e -> {
            if (running != null) {
                running.cancel(true);
            }
        });
        cancel.setDisable(true);
        progress.setMaxWidth(Double.MAX_VALUE);
        report.setEditable(false);
        report.setWrapText(true);
        report.setPrefRowCount(12);
        variationCount.getItems().addAll(1, 2, 3, 4);
        variationCount.setValue(1);
        compare.setVisible(false);
        findings.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(CheckFindings.Finding f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f.text());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        findings.getSelectionModel().selectedItemProperty().addListener((obs, was, f) -> {
            if (f != null) {
                showFinding(f);
            }
        });
        findings.setPrefHeight(260);
        ScrollPane formPane = new ScrollPane(form);
        // the tool's description wraps to the panel's width instead of running off to the right
        formPane.setFitToWidth(true);
        formPane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox tools = new VBox(10, new Label("Tool"), toolChoice, formPane,
                new HBox(8, run, cancel, new Label("variations"), variationCount), progress, compare, findingsSummary, findings, report);
        tools.setPadding(new Insets(10));
        tools.setPrefWidth(340);

        SplitPane split = new SplitPane(engraved.node(), tools);
        split.setDividerPositions(0.72);
        BorderPane root = new BorderPane(split);
        root.setTop(new VBox(bar, playbackBar));
        root.setBottom(statusBar);
        Scene scene = new Scene(root, 1280, 800);
        acceptDroppedFiles(scene);
        stage.setScene(scene);
        stage.setTitle("Kantor Studio");
        stage.setOnCloseRequest(e -> {
            if (!mayDiscard()) {
                e.consume();
            } else {
                playback.close();
            }
        });
        engraved.selection().addListener((obs, was, now) -> refresh());
        toolChoice.setValue("harmonize");
        showForm("harmonize");
        refresh();
    }

    public Stage stage() {
        return stage;
    }

    public StudioSession session() {
        return session;
    }

    public EngravedView engraved() {
        return engraved;
    }

    /** File endings of recordings: opening one transcribes it. */
    static final List<String> RECORDINGS = List.of(".wav", ".flac", ".mp3", ".ogg", ".oga");

    static boolean isRecording(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return RECORDINGS.stream().anyMatch(name::endsWith);
    }

    /**
     * Opens a score, or transcribes a recording (in the background; the score it makes opens when it is done). A file
     * that cannot be read gets a dialog naming the file and the problem. Returns whether it opened (a recording: whether
     * its transcription started).
     */
    public boolean open(Path file) {
        if (isRecording(file)) {
            return transcribe(file) != null;
        }
        try {
            return open(StudioSession.prepare(file));
        } catch (ScoreFileException e) {
            error("Cannot open " + file.getFileName(), e.getMessage(), e);
            return false;
        }
    }

    /** Opens a score already read (see {@link StudioSession#prepare}, which may run while the window is being built). */
    public boolean open(StudioSession.Prepared prepared) {
        session.open(prepared);
        otherFile = null;
        playback.setRecording(null);
        report.clear();
        recent.add(prepared.file());
        show();
        return true;
    }

    /** Transcribes a recording with the catalog's transcribe tool; the recording stays at hand to be heard beside the score. */
    public Task<StudioSession.Outcome> transcribe(Path recording) {
        if (running != null) {
            status.setText("A tool is running: wait for it or cancel it first.");
            return null;
        }
        choose("transcribe", Map.of());
        otherFile = recording;
        recent.add(recording);
        setVariations(1);
        return runTool();
    }

    /** Files dropped on the window: the first one is opened (a recording is transcribed). */
    private void acceptDroppedFiles(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean done = files != null && !files.isEmpty() && mayDiscard();
            e.setDropCompleted(done);
            e.consume();
            if (done) {
                javafx.application.Platform.runLater(() -> open(files.get(0).toPath()));
            }
        });
    }

    private void listRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent.list()) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(p.getFileName() + "   " + p.getParent());
            item.setOnAction(e -> {
                if (mayDiscard()) {
                    open(p);
                }
            });
            recentMenu.getItems().add(item);
        }
        if (recentMenu.getItems().isEmpty()) {
            javafx.scene.control.MenuItem none = new javafx.scene.control.MenuItem("(no scores opened yet)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }

    /** The version shown goes to MuseScore as a file of its own; the original stays as it was. */
    private void openInMuseScore() {
        byte[] xml = shown >= 0 ? candidates.get(shown) : session.hasScore() ? session.history().current() : null;
        if (xml == null || museScore == null) {
            return;
        }
        try {
            Path file = museScore.open(xml, session.name());
            status.setText("Opened in MuseScore: " + file);
        } catch (java.io.IOException e) {
            error("Cannot start MuseScore", e.getMessage(), e);
        }
    }

    /** The score Play plays: the variation shown, else the current version; null when none is open or it cannot be read. */
    private org.kantor.core.Score scoreShown() {
        byte[] xml = shown >= 0 ? candidates.get(shown) : session.hasScore() ? session.history().current() : null;
        if (xml == null) {
            return null;
        }
        try {
            return org.kantor.musicxml.MusicXmlReader.read(xml, session.name()).score();
        } catch (ScoreFileException e) {
            status.setText(e.getMessage());
            return null;
        }
    }

    /** The playback controls, for tests. */
    PlaybackBar playback() {
        return playback;
    }

    /** Plays the score shown (silent parts left out, the selection looped if asked); a machine without sound says so. */
    public void startPlaying() {
        playback.start();
    }

    public void stopPlaying() {
        playback.stop();
        refresh();
    }

    /** The parts of the open score, by name, for the Parts menu. */
    private void listParts() {
        try {
            playback.listParts(session.document().score().parts().stream()
                    .map(p -> p.name() == null || p.name().isBlank() ? p.id() : p.name()).toList());
        } catch (ScoreFileException e) {
            playback.listParts(List.of());
        }
    }

    /** The engraving of the current version: completes with the number of measures drawn. */
    public CompletableFuture<Integer> rendered() {
        return rendered;
    }

    private void show() {
        refresh();
        if (checking && session.hasScore()) {
            recheck();
        }
        if (session.hasScore()) {
            if (!synthesizerPrepared) {
                synthesizerPrepared = true;
                playback.prepare();
            }
            listParts();
            rendered = engraved.show(session.musicXml());
            rendered.whenComplete((measures, failure) -> javafx.application.Platform.runLater(() -> {
                if (failure != null) {
                    status.setText("The engraver could not draw this score: " + failure.getMessage());
                }
            }));
        }
    }

    private void refresh() {
        undo.setDisable(!session.history().canUndo() || running != null);
        redo.setDisable(!session.history().canRedo() || running != null);
        if (session.hasScore()) {
            int[] chosen = engraved.selection().get();
            String voices = chosen == null ? null : FourPartStaves.voicesOn(engraved.selectedStaves(), engraved.staffCount());
            String where = chosen == null ? "" : (chosen[0] == chosen[1] ? "; bar " + (chosen[0] + 1) + " selected"
                    : "; bars " + (chosen[0] + 1) + "-" + (chosen[1] + 1) + " selected") + (voices == null ? "" : " (" + voices.replace(",", ", ") + ")");
            status.setText(shown >= 0 ? session.name() + ": variation " + letter(shown) + " of " + candidates.size() + " (Keep to use it)"
                    : session.name() + (session.history().modified() ? " (changed)" : "") + where);
            stage.setTitle(session.name() + " - Kantor Studio");
        }
    }

    private void showForm(String name) {
        Tool tool = session.catalog().find(name).orElseThrow();
        currentForm = new ToolForm(tool);
        form.getChildren().setAll(new Label(tool.description()), currentForm.node());
        ((Label) form.getChildren().get(0)).setWrapText(true);
        if (tool.takes() == ToolInput.RECORDING || tool.takes() == ToolInput.TWO_SCORES) {
            Button choose = new Button(tool.takes() == ToolInput.RECORDING ? "Recording..." : "Second score...");
            Label chosen = new Label(otherFile == null ? "(none chosen)" : otherFile.getFileName().toString());
            choose.setOnAction(e -> {
                File f = new FileChooser().showOpenDialog(stage);
                if (f != null) {
                    otherFile = f.toPath();
                    chosen.setText(f.getName());
                }
            });
            form.getChildren().add(new HBox(8, choose, chosen));
        }
    }

    /** Runs the chosen tool in the background; the window stays responsive and Cancel stops it. */
    public Task<StudioSession.Outcome> runTool() {
        String name = toolChoice.getValue();
        Map<String, String> values = new java.util.LinkedHashMap<>(currentForm.values());
        // what the musician selected is what the tool works on, unless the form names measures itself
        int[] chosen = engraved.selection().get();
        if (chosen != null && takesASelection(name) && !values.containsKey("bars") && !values.containsKey("measures")) {
            values.put("bars", (chosen[0] + 1) + "-" + (chosen[1] + 1));
            // staves chosen with Ctrl: the voices on them are the ones written anew
            String voices = FourPartStaves.voicesOn(engraved.selectedStaves(), engraved.staffCount());
            if (voices != null && !values.containsKey("voices")) {
                values.put("voices", voices);
            }
        }
        Path other = otherFile;
        int count = variationCount.getValue() == null ? 1 : variationCount.getValue();
        dropCandidates();
        Task<StudioSession.Outcome> task = new Task<>() {
            @Override
            protected StudioSession.Outcome call() throws Exception {
                if (count > 1) {
                    List<byte[]> made = session.variations(name, values, other, count, fraction -> updateProgress(fraction, 1.0));
                    javafx.application.Platform.runLater(() -> offer(made, name));
                    return new StudioSession.Outcome(false, null, Map.of());
                }
                return session.run(name, values, other, fraction -> updateProgress(fraction, 1.0), this::isCancelled);
            }
        };
        progress.progressProperty().bind(task.progressProperty());
        task.setOnSucceeded(e -> finished(task, null));
        task.setOnFailed(e -> finished(task, task.getException()));
        task.setOnCancelled(e -> finished(task, null));
        running = task;
        run.setDisable(true);
        cancel.setDisable(false);
        refresh();
        status.setText("Running " + name + "...");
        Thread worker = new Thread(task, "kantor-studio-tool");
        worker.setDaemon(true);
        worker.start();
        return task;
    }

    /** Whether the tool rewrites chosen measures ("bars" by position, as a selection gives them) of the score open: a four-part score. */
    private boolean takesASelection(String tool) {
        boolean bars = session.catalog().find(tool).orElseThrow().parameters().stream()
                .anyMatch(p -> p.name().equals("bars") && p.type() == org.kantor.tools.catalog.ToolParameter.Type.STRING);
        try {
            return bars && org.kantor.harmonizer.Harmonizer.isFourPart(session.document());
        } catch (ScoreFileException e) {
            return false;
        }
    }

    /** Chooses a tool (by its catalog name) and fills one of its fields, as a musician would in the form. */
    public void choose(String tool, Map<String, String> values) {
        toolChoice.setValue(tool);
        showForm(tool);
        values.forEach((k, v) -> {
            var field = form.lookup("#parameter-" + k);
            if (field instanceof javafx.scene.control.TextField t) {
                t.setText(v);
            }
        });
    }

    public void chooseOtherFile(Path file) {
        otherFile = file;
    }

    private void finished(Task<StudioSession.Outcome> task, Throwable failure) {
        progress.progressProperty().unbind();
        progress.setProgress(0);
        running = null;
        run.setDisable(false);
        cancel.setDisable(true);
        if (task.isCancelled()) {
            status.setText("Cancelled; the score is as it was.");
            refresh();
            return;
        }
        if (failure != null) {
            refresh();
            error("The tool could not run", failure.getMessage(), failure);
            return;
        }
        StudioSession.Outcome outcome = task.getValue();
        if (outcome.report() != null && "check".equals(toolChoice.getValue())) {
            checking = true;
            showFindings(outcome.report());
        } else if (outcome.report() != null) {
            report.setText(outcome.report());
        }
        if (outcome.newVersion() && "transcribe".equals(toolChoice.getValue()) && otherFile != null) {
            playback.setRecording(otherFile);
        }
        if (outcome.newVersion()) {
            show();
        } else {
            refresh();
        }
    }

    private void showFindings(String json) {
        CheckFindings parsed = CheckFindings.parse(json);
        findingsSummary.setText("Check: " + parsed.summary());
        findings.getItems().setAll(parsed.findings());
    }

    /** Checks the current version again in the background (after a tool, an undo or a redo). */
    private void recheck() {
        Task<String> again = new Task<>() {
            @Override
            protected String call() throws Exception {
                return session.check();
            }
        };
        again.setOnSucceeded(e -> showFindings(again.getValue()));
        again.setOnFailed(e -> {
            findingsSummary.setText("Check: " + again.getException().getMessage());
            findings.getItems().clear();
        });
        Thread worker = new Thread(again, "kantor-studio-check");
        worker.setDaemon(true);
        worker.start();
    }

    /** Selects the finding's measure (the first printed with its number) and colours its notes red. */
    private void showFinding(CheckFindings.Finding f) {
        try {
            var slots = org.kantor.core.timeline.MeasureLayout.of(session.document().score());
            for (int i = 0; i < slots.size(); i++) {
                var slot = slots.get(i);
                if (slot.number().equals(f.measure())) {
                    // beats count from 1 in the meter's unit; an opening pickup's beats count from where a full bar would start
                    double pickup = i == 0 ? Math.max(0, slot.time().measureLength().toDouble() - slot.length().toDouble()) : 0;
                    double quarters = (f.beat() - 1) * slot.time().unit().toDouble() - pickup;
                    // marked first: the view scrolls to the notes, then the bar is shaded where it now is
                    ringed = engraved.markNotes(i, Math.max(0, quarters), f.voices());
                    engraved.select(i, i);
                    return;
                }
            }
        } catch (ScoreFileException e) {
            status.setText(e.getMessage());
        }
    }

    /** How many notes the finding clicked last coloured, for tests. */
    int ringed() {
        return ringed;
    }

    /** The findings listed, for tests. */
    public List<String> findingsShown() {
        return findings.getItems().stream().map(CheckFindings.Finding::text).toList();
    }

    /** Clicks the n-th finding of the list, for tests. */
    public void clickFinding(int n) {
        findings.getSelectionModel().select(n);
    }

    /** Variations to compare: A, B, C ... each shown on its button, the first at once; Keep makes the one shown a version. */
    private void offer(List<byte[]> made, String tool) {
        candidates = made;
        compare.getChildren().clear();
        compare.getChildren().add(new Label("Compare"));
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        for (int i = 0; i < made.size(); i++) {
            int which = i;
            javafx.scene.control.ToggleButton b = new javafx.scene.control.ToggleButton(letter(i));
            b.setToggleGroup(group);
            b.setOnAction(e -> showCandidate(which));
            compare.getChildren().add(b);
        }
        Button keep = new Button("Keep");
        keep.setOnAction(e -> keep(tool));
        compare.getChildren().add(keep);
        compare.setVisible(true);
        ((javafx.scene.control.ToggleButton) compare.getChildren().get(1)).setSelected(true);
        showCandidate(0);
    }

    /** Engraves variation {@code which} (from 0) without making it a version. */
    public void showCandidate(int which) {
        shown = which;
        rendered = engraved.show(new String(candidates.get(which), java.nio.charset.StandardCharsets.UTF_8));
        refresh();
    }

    /** The variation shown becomes the next version. */
    public void keep(String tool) {
        if (shown < 0) {
            return;
        }
        session.keep(candidates.get(shown), session.catalog().find(tool).map(Tool::title).orElse(tool) + " (" + letter(shown) + ")");
        dropCandidates();
        show();
    }

    /** The variations offered, for tests. */
    public int candidates() {
        return candidates.size();
    }

    private void dropCandidates() {
        candidates = List.of();
        shown = -1;
        compare.getChildren().clear();
        compare.setVisible(false);
    }

    private static String letter(int i) {
        return Character.toString('A' + i);
    }

    /** How many variations a run makes (1: the result is a version at once). */
    public void setVariations(int count) {
        variationCount.setValue(count);
    }

    private void step(boolean back) {
        dropCandidates();
        if (back) {
            session.history().undo();
        } else {
            session.history().redo();
        }
        show();
    }

    private void chooseAndOpen() {
        if (!mayDiscard()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scores", "*.musicxml", "*.xml", "*.mxl", "*.mid", "*.midi"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            open(f.toPath());
        }
    }

    private void chooseAndSave() {
        if (!session.hasScore()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("MusicXML", "*.musicxml"),
                new FileChooser.ExtensionFilter("Compressed MusicXML", "*.mxl"), new FileChooser.ExtensionFilter("MIDI", "*.mid"),
                new FileChooser.ExtensionFilter("Audio (WAV)", "*.wav"));
        chooser.setInitialFileName(session.name().replaceAll("\\.[^.]*$", "") + "-kantor.musicxml");
        File f = chooser.showSaveDialog(stage);
        if (f != null) {
            try {
                session.saveAs(f.toPath());
                refresh();
            } catch (ScoreFileException e) {
                error("Cannot save " + f.getName(), e.getMessage(), e);
            }
        }
    }

    /** Whether the current score may be left: unchanged, or the musician says so. */
    private boolean mayDiscard() {
        if (!session.hasScore() || !session.history().modified()) {
            return true;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, session.name() + " has changes that are not saved. Leave them?",
                ButtonType.YES, ButtonType.NO);
        ask.initOwner(stage);
        return ask.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    private void error(String title, String message, Throwable cause) {
        status.setText(title + ": " + message);
        StudioLog.write(title, message, cause);
        if (Boolean.getBoolean("kantor.studio.noDialogs")) {
            return; // offscreen runs: the status line says it
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, message + "\n\nDetails: " + StudioLog.file(), ButtonType.OK);
        alert.setHeaderText(title);
        alert.initOwner(stage);
        alert.show();
    }

    /** What the status line says, for tests and screenshots. */
    public String statusText() {
        return status.getText();
    }
}
