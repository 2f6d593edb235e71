package org.kantor.models.harmony;

import java.util.Random;

/**
 * Which cells of a training crop the model must guess. Coconet's orderless masks teach it every
 * conditional; frame masks (whole steps unknown in all four voices, some of them partly revealed)
 * teach the chords-from-nothing conditionals that uniform cell masks almost never draw, and that
 * regenerating whole measures and Coconet's frame-wise likelihood both ask for; harmonization masks
 * (one voice given, three to write) and block masks (a passage of some voices to rewrite) weight
 * training toward what Kantor's users ask for.
 */
public final class MaskPolicy {

    private MaskPolicy() {
    }

    /** Fills {@code mask[voice][step]} with 1 for unknown cells. */
    public static void sample(float[][] mask, Random random) {
        int voices = mask.length;
        int steps = mask[0].length;
        for (float[] row : mask) {
            java.util.Arrays.fill(row, 0f);
        }
        double kind = random.nextDouble();
        if (kind < 0.3) {
            // orderless: a uniformly chosen number of cells, chosen uniformly
            int cells = voices * steps;
            int k = 1 + random.nextInt(cells);
            int[] order = permutation(cells, random);
            for (int i = 0; i < k; i++) {
                mask[order[i] % voices][order[i] / voices] = 1f;
            }
        } else if (kind < 0.55) {
            hideFrames(mask, random);
        } else if (kind < 0.8) {
            // harmonization: one voice given (mostly the soprano), the others unknown
            int given = random.nextDouble() < 0.7 ? 0 : random.nextInt(voices);
            for (int v = 0; v < voices; v++) {
                if (v != given) {
                    java.util.Arrays.fill(mask[v], 1f);
                }
            }
        } else if (kind < 0.9) {
            // a passage of some voices to rewrite
            int length = Math.min(steps, 4 + random.nextInt(steps));
            int start = random.nextInt(steps - length + 1);
            boolean any = false;
            for (int v = 0; v < voices; v++) {
                if (random.nextBoolean()) {
                    any = true;
                    java.util.Arrays.fill(mask[v], start, start + length, 1f);
                }
            }
            if (!any) {
                java.util.Arrays.fill(mask[random.nextInt(voices)], start, start + length, 1f);
            }
        } else {
            // independent cells with a random rate, like the masks of annealed Gibbs sampling
            double p = 0.05 + 0.9 * random.nextDouble();
            for (int v = 0; v < voices; v++) {
                for (int t = 0; t < steps; t++) {
                    if (random.nextDouble() < p) {
                        mask[v][t] = 1f;
                    }
                }
            }
            // a short crop at a low rate can draw nothing, which would teach nothing
            mask[random.nextInt(voices)][random.nextInt(steps)] = 1f;
        }
    }

    /**
     * A uniformly chosen number of whole steps, chosen uniformly, unknown in every voice; in half the
     * masks each of those steps then reveals a uniform number (0-3) of its voices, as when a chord is
     * written one voice at a time.
     */
    static void hideFrames(float[][] mask, Random random) {
        int voices = mask.length;
        int steps = mask[0].length;
        int hidden = 1 + random.nextInt(steps);
        int[] order = permutation(steps, random);
        boolean partly = random.nextBoolean();
        for (int i = 0; i < hidden; i++) {
            int t = order[i];
            int[] voiceOrder = permutation(voices, random);
            int revealed = partly ? random.nextInt(voices) : 0;
            for (int j = revealed; j < voices; j++) {
                mask[voiceOrder[j]][t] = 1f;
            }
        }
    }

    /** A uniformly random order of 0..n-1. */
    static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
