package org.kantor.studio;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kantor.core.Score;
import org.kantor.core.timeline.MeasureLayout;

/**
 * The playback controls: Play/Pause, Stop, loop the selection, a bar of clicks before the music, tempo, each part
 * heard, muted or solo (a student hears the alto alone), and the SoundFont. While the music plays, a cursor in the
 * engraved view follows it.
 */
final class PlaybackBar {

    /** One part's controls in the Parts menu. */
    private record PartControl(CheckBox heard, ToggleButton solo) {
    }

    private final LivePlayer player = new LivePlayer();
    private final EngravedView engraved;
    private final Supplier<Score> scoreShown;
    private final Consumer<String> say;
    private final Button play = new Button("Play");
    private final Button stop = new Button("Stop");
    private final CheckBox loop = new CheckBox("Loop selection");
    private final CheckBox countIn = new CheckBox("Count-in");
    private final ComboBox<String> tempo = new ComboBox<>();
    private final MenuButton parts = new MenuButton("Parts");
    private final Button sounds = new Button("Sounds...");
    private final Button hearRecording = new Button("Recording");
    private final RecordingPlayer recordingPlayer = new RecordingPlayer();
    private java.nio.file.Path recording;
    private final List<PartControl> partControls = new ArrayList<>();
    private final Timeline follow = new Timeline(new KeyFrame(Duration.millis(80), e -> followMusic()));
    private List<MeasureLayout.Slot> slots = List.of();

    /**
     * @param scoreShown the score Play plays (the version or variation shown), or null when none is open
     * @param say shows a line in the status bar
     */
    PlaybackBar(EngravedView engraved, Supplier<Score> scoreShown, Consumer<String> say) {
        this.engraved = engraved;
        this.scoreShown = scoreShown;
        this.say = say;
        play.setOnAction(e -> playOrPause());
        stop.setOnAction(e -> stop());
        tempo.getItems().addAll("50%", "75%", "100%", "125%");
        tempo.setValue("100%");
        sounds.setOnAction(e -> chooseSoundFont(sounds.getScene() == null ? null : sounds.getScene().getWindow()));
        follow.setCycleCount(Timeline.INDEFINITE);
        hearRecording.setOnAction(e -> hearRecording());
        hearRecording.setVisible(false);
        hearRecording.setManaged(false);
        hearRecording.setTooltip(new javafx.scene.control.Tooltip("Hear the recording this score was transcribed from; Play plays the transcription"));
    }

    /** Gets the synthesizer and its SoundFont ready in the background, so the first Play starts at once. */
    void prepare() {
        Thread warming = new Thread(player::warmUp, "kantor-synthesizer");
        warming.setDaemon(true);
        warming.start();
    }

    /** The recording the score was transcribed from (null: none), heard with the Recording button. */
    void setRecording(java.nio.file.Path file) {
        recordingPlayer.stop();
        recording = file;
        hearRecording.setVisible(file != null);
        hearRecording.setManaged(file != null);
    }

    java.nio.file.Path recording() {
        return recording;
    }

    /** Plays the recording (stopping the score); pressed again while it plays, stops it. */
    void hearRecording() {
        if (recording == null) {
            return;
        }
        if (recordingPlayer.playing()) {
            recordingPlayer.stop();
            say.accept("Stopped");
            return;
        }
        stop();
        try {
            recordingPlayer.play(recording);
            say.accept("Playing the recording " + recording.getFileName());
        } catch (IOException e) {
            say.accept(e.getMessage());
        }
    }

    /** The controls, for the window's tool bar. */
    List<Node> nodes() {
        return List.of(play, stop, hearRecording, new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL), loop, countIn,
                new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL), new Label("Tempo"), tempo, parts, sounds);
    }

    /** Play, or Pause while playing, or go on after a pause. */
    void playOrPause() {
        if (player.playing()) {
            player.pause();
            follow.pause();
            play.setText("Play");
            say.accept("Paused");
            return;
        }
        if (player.paused()) {
            player.resume();
            follow.play();
            play.setText("Pause");
            say.accept("Playing");
            return;
        }
        start();
    }

    /** Plays the score shown from the start (or loops the selection); a machine without sound says so. */
    void start() {
        Score score = scoreShown.get();
        if (score == null) {
            return;
        }
        recordingPlayer.stop();
        try {
            int[] chosen = loop.isSelected() ? engraved.selection().get() : null;
            slots = MeasureLayout.of(score);
            player.play(LivePlayer.plan(score, silentParts(), chosen, countIn.isSelected()), Integer.parseInt(tempo.getValue().replace("%", "")) / 100.0);
            play.setText("Pause");
            follow.play();
            String what = chosen != null ? " bars " + (chosen[0] + 1) + "-" + (chosen[1] + 1) + " in a loop" : "";
            say.accept("Playing" + what + (player.sounds() != null && !player.sounds().endsWith(".sf2") ? " with " + player.sounds() : ""));
        } catch (IOException e) {
            say.accept(e.getMessage());
        }
    }

    void stop() {
        player.stop();
        recordingPlayer.stop();
        follow.stop();
        engraved.hideCursor();
        play.setText("Play");
    }

    /** Stops the music and lets the sound device go (the window closes). */
    void close() {
        stop();
        player.close();
        recordingPlayer.close();
    }

    boolean playing() {
        return player.playing();
    }

    /** Moves the engraved view's cursor to where the music is; at the end of the music, stops. */
    private void followMusic() {
        double at = player.position();
        if (Double.isNaN(at) || (!player.playing() && !player.paused())) {
            stop();
            return;
        }
        for (int i = 0; i < slots.size(); i++) {
            MeasureLayout.Slot s = slots.get(i);
            if (at >= s.start().toDouble() && at < s.end().toDouble()) {
                engraved.showCursor(i, at - s.start().toDouble());
                return;
            }
        }
    }

    /** The parts not heard: those unticked, and, when any part is solo, every part that is not. */
    Set<Integer> silentParts() {
        Set<Integer> silent = new HashSet<>();
        boolean anySolo = partControls.stream().anyMatch(c -> c.solo().isSelected());
        for (int i = 0; i < partControls.size(); i++) {
            PartControl c = partControls.get(i);
            if (!c.heard().isSelected() || (anySolo && !c.solo().isSelected())) {
                silent.add(i);
            }
        }
        return silent;
    }

    /** One row per part (heard at first); the same parts keep what the musician set. */
    void listParts(List<String> names) {
        if (names.size() == partControls.size()) {
            return;
        }
        partControls.clear();
        parts.getItems().clear();
        for (String n : names) {
            PartControl c = new PartControl(new CheckBox(n), new ToggleButton("Solo"));
            c.heard().setSelected(true);
            c.solo().setStyle("-fx-font-size: 0.85em;");
            partControls.add(c);
            Label gap = new Label();
            gap.setMinWidth(12);
            CustomMenuItem item = new CustomMenuItem(new HBox(6, c.heard(), gap, c.solo()), false);
            parts.getItems().add(item);
        }
    }

    /** For tests: mutes (false) or hears (true) part {@code i}; solo makes it the only part heard with the other solos. */
    void setPart(int i, boolean heard, boolean solo) {
        partControls.get(i).heard().setSelected(heard);
        partControls.get(i).solo().setSelected(solo);
    }

    private void chooseSoundFont(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a General MIDI SoundFont");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("SoundFont (SF2, DLS)", "*.sf2", "*.dls"));
        File f = chooser.showOpenDialog(owner);
        if (f != null) {
            stop();
            player.useSoundFont(f.toPath());
            say.accept("Sounds: " + f.getName());
        }
    }

    /** Plays with this SoundFont from now on (null: the system's). */
    void useSoundFont(java.nio.file.Path file) {
        stop();
        player.useSoundFont(file);
    }

    /** Which sounds the last play used. */
    String sounds() {
        return player.sounds();
    }

    /** For tests: loop the selection, and count in. */
    void setLoopAndCountIn(boolean loopSelection, boolean count) {
        loop.setSelected(loopSelection);
        countIn.setSelected(count);
    }
}
