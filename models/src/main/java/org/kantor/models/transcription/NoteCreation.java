package org.kantor.models.transcription;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns Basic Pitch's activations into notes the way Basic Pitch itself does: onsets are the local
 * peaks (in time) of the onset probabilities, strengthened by onsets inferred from rises in the note
 * probabilities; each onset is followed until the note probability stays below the frame threshold
 * for {@code ENERGY_TOLERANCE} frames; then ("Melodia trick") the strongest remaining note energy
 * is followed both ways to catch notes whose onset was missed. Neighbouring keys are cleared with
 * every note so that one sound is not reported as a cluster.
 */
public final class NoteCreation {

    /**
     * Thresholds and limits; {@link #defaults()} are Basic Pitch's own Python defaults. {@code heldOnsetThreshold}: how
     * sure the detector must be of a new onset on a key that is already sounding, for it to start a new note (0: as sure
     * as of any onset, Basic Pitch's way). Sounds that hold their notes (organ, strings, winds, voices) swell with their
     * vibrato, and each swell looks like a weak new onset: {@link #HELD} keeps such a note one note.
     */
    public record Settings(double onsetThreshold, double frameThreshold, int minimumFrames, boolean inferOnsets,
                           boolean melodiaTrick, int lowestMidi, int highestMidi, double heldOnsetThreshold) {

        /** The onset a repeated note on a held sound needs; measured with kantor eval transcription --sounds (docs/transcription.md). */
        public static final double HELD = 0.7;

        public static Settings defaults() {
            // 127.7 ms at 86.13 frames a second rounds to 11 frames
            return new Settings(0.5, 0.3, 11, true, true, 21, 108, 0);
        }

        public Settings withRange(int low, int high) {
            return new Settings(onsetThreshold, frameThreshold, minimumFrames, inferOnsets, melodiaTrick, low, high, heldOnsetThreshold);
        }

        /** For a sound that holds its notes: a weak onset on a key already sounding does not start a new note. */
        public Settings forHeldNotes() {
            return new Settings(onsetThreshold, frameThreshold, minimumFrames, inferOnsets, melodiaTrick, lowestMidi, highestMidi, HELD);
        }
    }

    private static final int ENERGY_TOLERANCE = 11;
    private static final int MIDI_OFFSET = 21;
    private static final int PITCH_BEND_TOLERANCE = 25;

    private NoteCreation() {
    }

    public static List<NoteEvent> notes(Activations activations, Settings settings) {
        int frames = activations.frames();
        float[][] note = activations.note();
        double[][] onsets = onsetEvidence(activations, settings);
        double[][] remaining = new double[frames][];
        for (int t = 0; t < frames; t++) {
            remaining[t] = new double[BasicPitch.KEYS];
            for (int k = 0; k < BasicPitch.KEYS; k++) {
                remaining[t][k] = inRange(k, settings) ? note[t][k] : 0;
            }
        }
        List<NoteEvent> events = new ArrayList<>();
        // onsets from the last frame backwards, higher keys first within a frame, as Basic Pitch orders them
        for (int t = frames - 2; t >= 1; t--) {
            for (int k = BasicPitch.KEYS - 1; k >= 0; k--) {
                double value = onsets[t][k];
                boolean peak = value > onsets[t - 1][k] && value > onsets[t + 1][k];
                if (!peak || value < settings.onsetThreshold() || t >= frames - 1) {
                    continue;
                }
                if (value < settings.heldOnsetThreshold() && t >= 3 && note[t - 2][k] > settings.frameThreshold()
                        && note[t - 3][k] > settings.frameThreshold()) {
                    continue; // the key was already sounding: a swell of the same note, not a new one
                }
                int i = t + 1;
                int below = 0;
                while (i < frames - 1 && below < ENERGY_TOLERANCE) {
                    below = remaining[i][k] < settings.frameThreshold() ? below + 1 : 0;
                    i++;
                }
                i -= below;
                if (i - t <= settings.minimumFrames()) {
                    continue;
                }
                clear(remaining, t, i, k);
                events.add(new NoteEvent(t, i, k + MIDI_OFFSET, mean(note, t, i, k), null));
            }
        }
        if (settings.melodiaTrick()) {
            followRemainingEnergy(note, remaining, settings, events);
        }
        return events;
    }

    private static boolean inRange(int key, Settings settings) {
        int midi = key + MIDI_OFFSET;
        return midi >= settings.lowestMidi() && midi <= settings.highestMidi();
    }

    /** The onset probabilities, or with inferred onsets the larger of them and the rescaled rise in note probability. */
    private static double[][] onsetEvidence(Activations activations, Settings settings) {
        int frames = activations.frames();
        float[][] onset = activations.onset();
        float[][] note = activations.note();
        double[][] result = new double[frames][BasicPitch.KEYS];
        double onsetMax = 0;
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < BasicPitch.KEYS; k++) {
                result[t][k] = inRange(k, settings) ? onset[t][k] : 0;
                onsetMax = Math.max(onsetMax, result[t][k]);
            }
        }
        if (!settings.inferOnsets() || frames == 0) {
            return result;
        }
        double[][] rise = new double[frames][BasicPitch.KEYS];
        double riseMax = 0;
        for (int t = 2; t < frames; t++) { // the first two frames have no rise, as in Basic Pitch
            for (int k = 0; k < BasicPitch.KEYS; k++) {
                if (!inRange(k, settings)) {
                    continue;
                }
                double one = (double) note[t][k] - note[t - 1][k];
                double two = (double) note[t][k] - note[t - 2][k];
                rise[t][k] = Math.max(0, Math.min(one, two));
                riseMax = Math.max(riseMax, rise[t][k]);
            }
        }
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < BasicPitch.KEYS; k++) {
                double scaled = riseMax > 0 ? onsetMax * rise[t][k] / riseMax : 0;
                result[t][k] = Math.max(result[t][k], scaled);
            }
        }
        return result;
    }

    private static void followRemainingEnergy(float[][] note, double[][] remaining, Settings settings,
                                              List<NoteEvent> events) {
        int frames = remaining.length;
        while (true) {
            int bestT = -1;
            int bestK = -1;
            double best = settings.frameThreshold();
            for (int t = 0; t < frames; t++) {
                for (int k = 0; k < BasicPitch.KEYS; k++) {
                    if (remaining[t][k] > best) {
                        best = remaining[t][k];
                        bestT = t;
                        bestK = k;
                    }
                }
            }
            if (bestT < 0) {
                return;
            }
            remaining[bestT][bestK] = 0;
            int i = bestT + 1;
            int below = 0;
            while (i < frames - 1 && below < ENERGY_TOLERANCE) {
                below = remaining[i][bestK] < settings.frameThreshold() ? below + 1 : 0;
                clearFrame(remaining, i, bestK);
                i++;
            }
            int end = i - 1 - below;
            i = bestT - 1;
            below = 0;
            while (i > 0 && below < ENERGY_TOLERANCE) {
                below = remaining[i][bestK] < settings.frameThreshold() ? below + 1 : 0;
                clearFrame(remaining, i, bestK);
                i--;
            }
            int start = i + 1 + below;
            if (end - start <= settings.minimumFrames()) {
                continue;
            }
            events.add(new NoteEvent(start, end, bestK + MIDI_OFFSET, mean(note, start, end, bestK), null));
        }
    }

    private static void clear(double[][] remaining, int from, int to, int key) {
        for (int t = from; t < to; t++) {
            clearFrame(remaining, t, key);
        }
    }

    private static void clearFrame(double[][] remaining, int t, int key) {
        remaining[t][key] = 0;
        if (key < BasicPitch.KEYS - 1) {
            remaining[t][key + 1] = 0;
        }
        if (key > 0) {
            remaining[t][key - 1] = 0;
        }
    }

    private static float mean(float[][] note, int from, int to, int key) {
        double sum = 0;
        for (int t = from; t < to; t++) {
            sum += note[t][key];
        }
        return (float) (sum / Math.max(1, to - from));
    }

    /**
     * Adds each note's pitch bend per frame: the contour bin with the most weight within 25 bins
     * (a Gaussian with a standard deviation of 5 bins around the note), in thirds of a semitone.
     */
    public static List<NoteEvent> withPitchBends(List<NoteEvent> events, float[][] contour) {
        int window = PITCH_BEND_TOLERANCE * 2 + 1;
        double[] gaussian = new double[window];
        for (int n = 0; n < window; n++) {
            double z = (n - (window - 1) / 2.0) / 5.0;
            gaussian[n] = Math.exp(-0.5 * z * z);
        }
        List<NoteEvent> result = new ArrayList<>(events.size());
        for (NoteEvent event : events) {
            int center = 3 * (event.midi() - MIDI_OFFSET);
            int from = Math.max(center - PITCH_BEND_TOLERANCE, 0);
            int to = Math.min(BasicPitch.CONTOUR_BINS, center + PITCH_BEND_TOLERANCE + 1);
            int gaussianStart = Math.max(0, PITCH_BEND_TOLERANCE - center);
            int shift = PITCH_BEND_TOLERANCE - gaussianStart;
            int[] bends = new int[event.endFrame() - event.startFrame()];
            for (int t = event.startFrame(); t < event.endFrame(); t++) {
                int best = 0;
                double bestValue = Double.NEGATIVE_INFINITY;
                for (int bin = from; bin < to; bin++) {
                    double value = contour[t][bin] * gaussian[gaussianStart + bin - from];
                    if (value > bestValue) {
                        bestValue = value;
                        best = bin - from;
                    }
                }
                bends[t - event.startFrame()] = best - shift;
            }
            result.add(new NoteEvent(event.startFrame(), event.endFrame(), event.midi(), event.amplitude(), bends));
        }
        return result;
    }
}
