package org.kantor.models.melody;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline a melody language model has to beat: an interpolated Kneser-Ney n-gram model over the
 * same tokens (Chen and Goodman's formulation, one discount of 0.75), trained on the same melodies
 * with the same transpositions. Contexts start with START tokens, as the network's do.
 */
public final class NGramModel {

    private static final double DISCOUNT = 0.75;
    private static final int BITS = 7;

    private final int order;
    /** per order n (1..order): count of (context, token) — raw counts at the top order, continuation counts below. */
    private final Map<Long, int[]>[] counts;
    /** per order: total count of the context and the number of distinct tokens after it. */
    private final Map<Long, int[]>[] contexts;

    @SuppressWarnings("unchecked")
    private NGramModel(int order) {
        this.order = order;
        counts = new Map[order + 1];
        contexts = new Map[order + 1];
        for (int n = 1; n <= order; n++) {
            counts[n] = new HashMap<>();
            contexts[n] = new HashMap<>();
        }
    }

    /** Trains on every melody in every transposition of up to a tritone each way that keeps it in range. */
    public static NGramModel train(List<Melody> melodies, int order) {
        NGramModel model = new NGramModel(order);
        for (Melody m : melodies) {
            int[] range = m.range();
            for (int shift = -6; shift <= 5; shift++) {
                if (range != null && (range[0] + shift < MelodyVocabulary.LOWEST || range[1] + shift > MelodyVocabulary.HIGHEST)) {
                    continue;
                }
                if (range == null && shift != 0) {
                    continue;
                }
                int[] t = new int[m.steps()];
                for (int i = 0; i < t.length; i++) {
                    t[i] = MelodyVocabulary.transpose(m.tokens()[i], shift);
                }
                model.add(t);
            }
        }
        model.finish();
        return model;
    }

    private void add(int[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            long key = key(tokens, i, order - 1, tokens[i]);
            counts[order].computeIfAbsent(key, k -> new int[1])[0]++;
        }
    }

    /** Continuation counts for the lower orders and context totals for all. */
    private void finish() {
        for (int n = order; n >= 2; n--) {
            for (Long key : counts[n].keySet()) {
                long lower = dropOldest(key, n);
                counts[n - 1].computeIfAbsent(lower, k -> new int[1])[0]++;
            }
        }
        for (int n = 1; n <= order; n++) {
            for (var e : counts[n].entrySet()) {
                long context = e.getKey() >>> BITS;
                int[] c = contexts[n].computeIfAbsent(context, k -> new int[2]);
                c[0] += e.getValue()[0];
                c[1]++;
            }
        }
    }

    /** log P(tokens[i] | what comes before it), natural log. */
    public double logProbability(int[] tokens, int i) {
        return Math.log(probability(tokens, i, order));
    }

    private double probability(int[] tokens, int i, int n) {
        if (n == 0) {
            return 1.0 / MelodyVocabulary.SIZE;
        }
        long key = key(tokens, i, n - 1, tokens[i]);
        int[] context = contexts[n].get(key >>> BITS);
        double lower = probability(tokens, i, n - 1);
        if (context == null) {
            return lower;
        }
        int[] c = counts[n].get(key);
        double count = c == null ? 0 : c[0];
        return (Math.max(count - DISCOUNT, 0) + DISCOUNT * context[1] * lower) / context[0];
    }

    /** The n-gram of {@code length} tokens before {@code i} (START before the beginning) and the token, packed. */
    private static long key(int[] tokens, int i, int length, int token) {
        long key = 1; // a leading 1 keeps contexts of different lengths apart
        for (int j = i - length; j < i; j++) {
            key = (key << BITS) | (j < 0 ? MelodyVocabulary.START : tokens[j]);
        }
        return (key << BITS) | token;
    }

    /** The same n-gram without its oldest context token. */
    private static long dropOldest(long key, int n) {
        int bits = n * BITS;
        long body = key & ((1L << bits) - 1);
        long withoutOldest = body & ((1L << (bits - BITS)) - 1);
        return (1L << (bits - BITS)) | withoutOldest;
    }
}
