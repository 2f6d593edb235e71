package org.kantor.models.melody;

import java.util.Random;

/** Picks the next token from a model's logits: at a temperature (0 picks the likeliest), optionally never HOLD. */
final class TokenSampler {

    private TokenSampler() {
    }

    static int pick(float[] logits, double temperature, Random random, boolean allowHold) {
        int first = allowHold ? 0 : 1;
        if (temperature <= 0) {
            int best = first;
            for (int i = first + 1; i < MelodyVocabulary.SIZE; i++) {
                if (logits[i] > logits[best]) {
                    best = i;
                }
            }
            return best;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = first; i < MelodyVocabulary.SIZE; i++) {
            max = Math.max(max, logits[i] / temperature);
        }
        double[] p = new double[MelodyVocabulary.SIZE];
        double sum = 0;
        for (int i = first; i < MelodyVocabulary.SIZE; i++) {
            p[i] = Math.exp(logits[i] / temperature - max);
            sum += p[i];
        }
        double r = random.nextDouble() * sum;
        for (int i = first; i < MelodyVocabulary.SIZE; i++) {
            r -= p[i];
            if (r <= 0) {
                return i;
            }
        }
        return MelodyVocabulary.SIZE - 1;
    }

    /** Natural log of the softmax probability of {@code token}. */
    static double logProbability(float[] logits, int token) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < MelodyVocabulary.SIZE; i++) {
            max = Math.max(max, logits[i]);
        }
        double sum = 0;
        for (int i = 0; i < MelodyVocabulary.SIZE; i++) {
            sum += Math.exp(logits[i] - max);
        }
        return logits[token] - max - Math.log(sum);
    }
}
