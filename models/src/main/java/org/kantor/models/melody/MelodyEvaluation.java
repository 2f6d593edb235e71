package org.kantor.models.melody;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code kantor eval melody}: the language model's NLL per 16th-note step on the held-out pieces beside
 * n-gram baselines trained on the same melodies; the latent model's reconstruction accuracy of
 * held-out two-measure windows; and how far melodies each model writes are from the held-out ones in
 * degree, interval and rhythm statistics.
 */
public final class MelodyEvaluation {

    /** Language model figures: NLL per step in nats. */
    public record Likelihood(String model, double nllPerStep, long steps) {
        public double perplexity() {
            return Math.exp(nllPerStep);
        }
    }

    /** Latent model figures over held-out windows. */
    public record Reconstruction(int windows, double teacherForced, double greedy, double notesExact) {
    }

    /** A set of melodies' statistics and their distances to the held-out data's. */
    public record Generated(String source, MelodyStatistics statistics, double degrees, double intervals, double values) {
    }

    public record Report(List<Likelihood> likelihoods, Reconstruction reconstruction, List<Generated> generated) {
    }

    private MelodyEvaluation() {
    }

    public static List<Likelihood> likelihoods(MelodyCorpus corpus, MelodyLanguageModel model, int[] ngramOrders) {
        List<Likelihood> out = new ArrayList<>();
        long steps = MelodyCorpus.steps(corpus.test());
        double nll = 0;
        for (Melody m : corpus.test()) {
            nll += model.negativeLogLikelihood(m);
        }
        out.add(new Likelihood("LSTM language model", nll / steps, steps));
        for (int order : ngramOrders) {
            NGramModel ngram = NGramModel.train(corpus.train(), order);
            double total = 0;
            for (Melody m : corpus.test()) {
                for (int i = 0; i < m.steps(); i++) {
                    total -= ngram.logProbability(m.tokens(), i);
                }
            }
            out.add(new Likelihood(order + "-gram (Kneser-Ney)", total / steps, steps));
        }
        return out;
    }

    /** Teacher-forced and free-running (greedy) token accuracy, and the share of windows decoded note for note. */
    public static Reconstruction reconstruction(MelodyCorpus corpus, MelodyLatentModel model, int limit, long seed) {
        List<Melody> windows = windows(corpus.test(), MelodyTraining.LATENT_MEASURES);
        java.util.Collections.shuffle(windows, new Random(seed));
        windows = windows.subList(0, Math.min(limit, windows.size()));
        long forcedRight = 0;
        long greedyRight = 0;
        long steps = 0;
        int exact = 0;
        for (Melody w : windows) {
            int[] tf = model.teacherForcedCorrect(w);
            forcedRight += tf[0];
            int[] decoded = model.decode(model.encode(w), w.meter(), w.key(), w.positions(), MelodyVocabulary.START, 0, null);
            int right = 0;
            for (int s = 0; s < decoded.length; s++) {
                if (decoded[s] == w.tokens()[s]) {
                    right++;
                }
            }
            greedyRight += right;
            exact += right == decoded.length ? 1 : 0;
            steps += w.steps();
        }
        return new Reconstruction(windows.size(), forcedRight / (double) steps, greedyRight / (double) steps,
                exact / (double) Math.max(1, windows.size()));
    }

    /** Every window of {@code measures} measures of the melodies ({@link Melody#windows}). */
    static List<Melody> windows(List<Melody> melodies, int measures) {
        List<Melody> out = new ArrayList<>();
        for (Melody m : melodies) {
            out.addAll(m.windows(measures));
        }
        return out;
    }

    /**
     * Melodies of {@code measures} measures written by each model in the meter and key of randomly chosen
     * held-out melodies, compared with the held-out melodies themselves.
     */
    public static List<Generated> generated(MelodyCorpus corpus, MelodyLanguageModel language, MelodyLatentModel latent,
                                            int count, int measures, double temperature, long seed) {
        Random random = new Random(seed);
        List<Melody> data = corpus.test();
        MelodyStatistics reference = MelodyStatistics.of(data);
        List<Melody> fromLanguage = new ArrayList<>();
        List<Melody> fromLatent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Melody like = data.get(random.nextInt(data.size()));
            int per = like.measureSteps();
            int[] positions = new int[per * measures];
            for (int s = 0; s < positions.length; s++) {
                positions[s] = s % per;
            }
            MelodyInput in = new MelodyInput(like);
            int[] lm = language.sample(language.prime(like.slice(0, 0)), in, positions, temperature, random);
            fromLanguage.add(new Melody(lm, positions, like.meter(), like.key(), "language model"));
            int[] all = LatentWalk.melody(latent, like.meter(), like.key(), measures, temperature, random);
            fromLatent.add(new Melody(all, positions, like.meter(), like.key(), "latent model"));
        }
        List<Generated> out = new ArrayList<>();
        out.add(compare("held-out melodies", reference, reference));
        out.add(compare("language model", MelodyStatistics.of(fromLanguage), reference));
        out.add(compare("latent model", MelodyStatistics.of(fromLatent), reference));
        return out;
    }

    private static Generated compare(String source, MelodyStatistics s, MelodyStatistics reference) {
        return new Generated(source, s, MelodyStatistics.distance(s.degrees(), reference.degrees()),
                MelodyStatistics.distance(s.intervals(), reference.intervals()), MelodyStatistics.distance(s.values(), reference.values()));
    }
}
