package org.kantor.models.transcription;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.kantor.models.DjlEngine;
import org.kantor.models.NativeStderr;
import org.kantor.models.tfjs.TfjsGraphModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spotify's Basic Pitch network (Apache-2.0, weights from its npm package, packed into this jar),
 * run through DJL. The audio is cut into overlapping two-second windows exactly as Basic Pitch's
 * own inference does: half an overlap of silence in front, windows of 43,844 samples every 36,164
 * samples, 15 frames dropped at each side of every window, the result trimmed to the audio's length.
 */
public final class BasicPitch implements AutoCloseable {

    public static final int SAMPLE_RATE = 22050;
    public static final int FFT_HOP = 256;
    public static final int WINDOW_SAMPLES = 2 * SAMPLE_RATE - FFT_HOP;
    public static final int FRAMES_PER_WINDOW = 172;
    public static final int OVERLAP_FRAMES = 30;
    public static final int OVERLAP_SAMPLES = OVERLAP_FRAMES * FFT_HOP;
    public static final int HOP_SAMPLES = WINDOW_SAMPLES - OVERLAP_SAMPLES;
    /** Basic Pitch counts whole frames a second when it trims the output (22050 / 256 rounded down). */
    public static final int FRAMES_PER_SECOND = SAMPLE_RATE / FFT_HOP;
    public static final int KEYS = 88;
    public static final int CONTOUR_BINS = 264;

    private static final String RESOURCES = "/org/kantor/models/basicpitch/";
    private static final int BATCH = 4;

    private final NDManager manager;
    private final TfjsGraphModel graph;

    private BasicPitch(NDManager manager, TfjsGraphModel graph) {
        this.manager = manager;
        this.graph = graph;
    }

    /** Loads the network from the jar. */
    public static BasicPitch load() {
        DjlEngine.get();
        NDManager manager = NDManager.newBaseManager();
        try (InputStream json = open("model.json")) {
            BasicPitch model = new BasicPitch(manager, TfjsGraphModel.load(json, BasicPitch::open, manager));
            // the first run sets up PyTorch's convolution threads, which print a harmless NNPACK notice on this CPU
            NativeStderr.silenced(() -> model.predictWindows(List.of(new float[WINDOW_SAMPLES]), false));
            return model;
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = BasicPitch.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            throw new IOException("Basic Pitch's " + name + " is missing from the models jar (the build installs it with npm)");
        }
        return in;
    }

    /** Runs the network on a batch of windows, each exactly {@link #WINDOW_SAMPLES} long. */
    public List<Activations> predictWindows(List<float[]> windows, boolean keepContour) {
        List<Activations> result = new ArrayList<>();
        try (NDManager scope = manager.newSubManager()) {
            float[] flat = new float[windows.size() * WINDOW_SAMPLES];
            for (int i = 0; i < windows.size(); i++) {
                System.arraycopy(windows.get(i), 0, flat, i * WINDOW_SAMPLES, WINDOW_SAMPLES);
            }
            NDArray input = scope.create(flat, new Shape(windows.size(), WINDOW_SAMPLES, 1));
            NDList out = graph.run(Map.of("input_2", input),
                    List.of("Identity:0", "Identity_1:0", "Identity_2:0"), scope);
            float[] contour = keepContour ? out.get(0).toFloatArray() : null;
            float[] note = out.get(1).toFloatArray();
            float[] onset = out.get(2).toFloatArray();
            for (int i = 0; i < windows.size(); i++) {
                result.add(new Activations(rows(note, i, KEYS), rows(onset, i, KEYS),
                        contour == null ? null : rows(contour, i, CONTOUR_BINS)));
            }
        }
        return result;
    }

    private static float[][] rows(float[] flat, int window, int width) {
        float[][] rows = new float[FRAMES_PER_WINDOW][width];
        int base = window * FRAMES_PER_WINDOW * width;
        for (int f = 0; f < FRAMES_PER_WINDOW; f++) {
            System.arraycopy(flat, base + f * width, rows[f], 0, width);
        }
        return rows;
    }

    /** Activations for a whole mono recording at 22,050 Hz. */
    public Activations predict(float[] audio, boolean keepContour) {
        BasicPitchStream stream = new BasicPitchStream(this, keepContour, BATCH);
        stream.accept(audio, audio.length);
        return stream.finish();
    }

    static int batchSize() {
        return BATCH;
    }

    @Override
    public void close() {
        graph.close();
        manager.close();
    }
}
