package org.kantor.models.melody;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Training batches of melodies, transposed at random to every key that keeps them in range. For the
 * language model: crops of a fixed number of steps (shorter melodies padded and masked). For the
 * latent model: two-measure windows starting on a downbeat, all of one length per batch.
 */
final class MelodyBatch {

    final int batch;
    final int steps;
    final float[] decoderInput;
    final float[] encoderInput;
    final float[] targets;
    final float[] mask;

    private MelodyBatch(int batch, int steps) {
        this.batch = batch;
        this.steps = steps;
        decoderInput = new float[batch * steps * MelodyInput.SIZE];
        encoderInput = new float[batch * steps * MelodyInput.SIZE];
        targets = new float[batch * steps * MelodyVocabulary.SIZE];
        mask = new float[batch * steps];
    }

    NDArray decoderArray(NDManager m) {
        return m.create(decoderInput, new Shape(batch, steps, MelodyInput.SIZE));
    }

    NDArray encoderArray(NDManager m) {
        return m.create(encoderInput, new Shape(batch, steps, MelodyInput.SIZE));
    }

    NDArray targetArray(NDManager m) {
        return m.create(targets, new Shape(batch, steps, MelodyVocabulary.SIZE));
    }

    NDArray maskArray(NDManager m) {
        return m.create(mask, new Shape(batch, steps));
    }

    /** One stretch of one melody, untransposed, as a batch of one. */
    static MelodyBatch single(Melody m, int start, int length, int previous) {
        return single(m, start, length, previous, 0);
    }

    /** One stretch of one melody transposed by {@code shift}, as a batch of one. */
    static MelodyBatch single(Melody m, int start, int length, int previous, int shift) {
        MelodyBatch b = new MelodyBatch(1, length);
        b.put(0, m, start, length, shift, previous);
        return b;
    }

    /** Windows of one length, untransposed, each after a START input, as one batch. */
    static MelodyBatch windows(Windows from, List<int[]> windows, int length) {
        MelodyBatch b = new MelodyBatch(windows.size(), length);
        for (int i = 0; i < windows.size(); i++) {
            int[] w = windows.get(i);
            Melody m = from.melody(w[0]);
            b.put(i, m, w[1], length, KeyNormalization.fitting(m, w[1], w[1] + length), MelodyVocabulary.START);
        }
        return b;
    }

    /** Crops for the language model, melodies drawn in proportion to their length. */
    static final class Crops {
        private final List<Melody> melodies;
        private final long[] cumulative;

        Crops(List<Melody> melodies) {
            this.melodies = melodies;
            cumulative = new long[melodies.size()];
            long total = 0;
            for (int i = 0; i < melodies.size(); i++) {
                total += melodies.get(i).steps();
                cumulative[i] = total;
            }
        }

        MelodyBatch next(int batch, int steps, Random random) {
            MelodyBatch b = new MelodyBatch(batch, steps);
            for (int i = 0; i < batch; i++) {
                long pick = (long) (random.nextDouble() * cumulative[cumulative.length - 1]);
                int index = java.util.Arrays.binarySearch(cumulative, pick + 1);
                Melody m = melodies.get(index < 0 ? -index - 1 : index);
                int start = m.steps() > steps ? random.nextInt(m.steps() - steps + 1) : 0;
                b.put(i, m, start, Math.min(steps, m.steps() - start), randomShift(m, start, steps, random), m.previous(start));
            }
            return b;
        }
    }

    /** Two-measure windows for the latent model, grouped by length, each heard in C ({@link KeyNormalization}). */
    static final class Windows {
        private final TreeMap<Integer, List<int[]>> byLength = new TreeMap<>();
        private final List<Melody> melodies;
        private int total;

        Windows(List<Melody> melodies, int measures) {
            this.melodies = melodies;
            for (int i = 0; i < melodies.size(); i++) {
                Melody m = melodies.get(i);
                int length = measures * m.measureSteps();
                for (int s = 0; s + length <= m.steps(); s++) {
                    if (m.positions()[s] == 0 && MelodyVocabulary.range(m.tokens(), s, s + length) != null && KeyNormalization.fitting(m, s, s + length) != KeyNormalization.NONE) {
                        byLength.computeIfAbsent(length, k -> new ArrayList<>()).add(new int[] {i, s});
                        total++;
                    }
                }
            }
        }

        int size() {
            return total;
        }

        /** The windows grouped by length in steps. */
        java.util.Map<Integer, List<int[]>> byLength() {
            return java.util.Collections.unmodifiableMap(byLength);
        }

        Melody melody(int index) {
            return melodies.get(index);
        }

        MelodyBatch next(int batch, Random random, float startTokenShare) {
            int pick = random.nextInt(total);
            int length = 0;
            List<int[]> group = null;
            for (var g : byLength.entrySet()) {
                if (pick < g.getValue().size()) {
                    length = g.getKey();
                    group = g.getValue();
                    break;
                }
                pick -= g.getValue().size();
            }
            MelodyBatch b = new MelodyBatch(batch, length);
            for (int i = 0; i < batch; i++) {
                int[] w = group.get(random.nextInt(group.size()));
                Melody m = melodies.get(w[0]);
                int previous = random.nextFloat() < startTokenShare ? MelodyVocabulary.START : m.previous(w[1]);
                b.put(i, m, w[1], length, KeyNormalization.fitting(m, w[1], w[1] + length), previous);
            }
            return b;
        }
    }

    /** A shift of up to a tritone each way that keeps the crop (and the note before it) in range. */
    static int randomShift(Melody m, int start, int steps, Random random) {
        int[] range = MelodyVocabulary.range(m.tokens(), start - 1, start + steps);
        if (range == null) {
            return 0;
        }
        int down = Math.max(-6, MelodyVocabulary.LOWEST - range[0]);
        int up = Math.min(5, MelodyVocabulary.HIGHEST - range[1]);
        return up < down ? 0 : down + random.nextInt(up - down + 1);
    }

    /** Puts {@code length} steps of {@code m} from {@code start} into row {@code row}, transposed by {@code shift}. */
    void put(int row, Melody m, int start, int length, int shift, int previous) {
        MelodyInput input = new MelodyInput(m.meter(), m.key(), shift);
        for (int t = 0; t < length; t++) {
            int s = start + t;
            int at = (row * steps + t);
            input.write(decoderInput, at * MelodyInput.SIZE, t == 0 ? previous : m.tokens()[s - 1], m.positions()[s]);
            input.write(encoderInput, at * MelodyInput.SIZE, m.tokens()[s], m.positions()[s]);
            targets[at * MelodyVocabulary.SIZE + MelodyVocabulary.transpose(m.tokens()[s], shift)] = 1f;
            mask[at] = 1f;
        }
    }
}
