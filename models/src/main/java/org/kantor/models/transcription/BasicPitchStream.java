package org.kantor.models.transcription;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Feeds audio to Basic Pitch as it arrives, holding at most one batch of windows of audio, and
 * collects the activations frame by frame. This is what keeps memory bounded for long recordings.
 */
public final class BasicPitchStream {

    private final BasicPitch model;
    private final boolean keepContour;
    private final int batch;
    private float[] pending = new float[BasicPitch.OVERLAP_SAMPLES / 2]; // Basic Pitch's leading silence
    private int pendingLength = pending.length;
    private long samples;
    private final List<float[]> windows = new ArrayList<>();
    private final List<float[]> note = new ArrayList<>();
    private final List<float[]> onset = new ArrayList<>();
    private final List<float[]> contour = new ArrayList<>();

    public BasicPitchStream(BasicPitch model, boolean keepContour, int batch) {
        this.model = model;
        this.keepContour = keepContour;
        this.batch = batch;
    }

    /** Audio samples seen so far. */
    public long samples() {
        return samples;
    }

    public void accept(float[] audio, int count) {
        samples += count;
        int offset = 0;
        while (offset < count) {
            if (pending.length < BasicPitch.WINDOW_SAMPLES) {
                pending = Arrays.copyOf(pending, BasicPitch.WINDOW_SAMPLES);
            }
            int take = Math.min(count - offset, BasicPitch.WINDOW_SAMPLES - pendingLength);
            System.arraycopy(audio, offset, pending, pendingLength, take);
            pendingLength += take;
            offset += take;
            if (pendingLength == BasicPitch.WINDOW_SAMPLES) {
                windows.add(pending.clone());
                // the next window starts one hop later: keep the overlap
                System.arraycopy(pending, BasicPitch.HOP_SAMPLES, pending, 0, BasicPitch.OVERLAP_SAMPLES);
                pendingLength = BasicPitch.OVERLAP_SAMPLES;
                if (windows.size() == batch) {
                    runWindows();
                }
            }
        }
    }

    /** Runs what is left (the last windows padded with silence) and returns the activations. */
    public Activations finish() {
        return finish(true);
    }

    /**
     * As {@link #finish()}; {@code trimToAudio} false keeps the frames of the last window that lie
     * past the end of the audio (Basic Pitch's Python trims to floor(samples * 86 / 22050) frames).
     */
    public Activations finish(boolean trimToAudio) {
        // Basic Pitch starts a window at every hop inside the padded audio, even when only padding remains
        long padded = samples + BasicPitch.OVERLAP_SAMPLES / 2;
        long windowCount = (padded + BasicPitch.HOP_SAMPLES - 1) / BasicPitch.HOP_SAMPLES;
        long done = (long) note.size() / (BasicPitch.FRAMES_PER_WINDOW - BasicPitch.OVERLAP_FRAMES) + windows.size();
        while (done < windowCount) {
            float[] last = Arrays.copyOf(pending, BasicPitch.WINDOW_SAMPLES);
            Arrays.fill(last, pendingLength, last.length, 0f);
            windows.add(last);
            System.arraycopy(last, BasicPitch.HOP_SAMPLES, pending, 0, BasicPitch.OVERLAP_SAMPLES);
            pendingLength = Math.max(0, pendingLength - BasicPitch.HOP_SAMPLES);
            done++;
            if (windows.size() == batch) {
                runWindows();
            }
        }
        runWindows();
        int frames = trimToAudio
                ? (int) Math.min(note.size(), samples * BasicPitch.FRAMES_PER_SECOND / BasicPitch.SAMPLE_RATE)
                : note.size();
        return new Activations(note.subList(0, frames).toArray(float[][]::new),
                onset.subList(0, frames).toArray(float[][]::new),
                keepContour ? contour.subList(0, frames).toArray(float[][]::new) : null);
    }

    private void runWindows() {
        if (windows.isEmpty()) {
            return;
        }
        int half = BasicPitch.OVERLAP_FRAMES / 2;
        for (Activations window : model.predictWindows(windows, keepContour)) {
            for (int f = half; f < BasicPitch.FRAMES_PER_WINDOW - half; f++) {
                note.add(window.note()[f]);
                onset.add(window.onset()[f]);
                if (keepContour) {
                    contour.add(window.contour()[f]);
                }
            }
        }
        windows.clear();
    }
}
