package org.kantor.models.melody;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.core.KeySignature;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;
import org.kantor.models.CompactWeights;
import org.kantor.models.DjlEngine;
import org.kantor.musicxml.KantorData;
import org.kantor.musicxml.ScoreFiles;

class MelodyModelsTest {

    /** A soprano from the chorales, read the way training reads it. */
    private static Melody chorale() throws Exception {
        Path f = KantorData.corpus("bach-chorales-musicxml").resolve("bwv10.7.mxl");
        Score s = ScoreFiles.read(f).score();
        return MelodyExtractor.extract(s, 0, "bwv10.7").get(0);
    }

    @Test
    void aChoraleSopranoIsReadOnTheSixteenthGridWithItsKeyAndMeter() throws Exception {
        Melody m = chorale();
        assertEquals(TimeSignature.of(4, 4), m.meter());
        assertEquals(-2, m.key().fifths());
        assertEquals(16, m.measureSteps());
        assertTrue(MelodyVocabulary.isNote(m.tokens()[0]), "starts with a note");
        int notes = 0;
        for (int s = 0; s < m.steps(); s++) {
            assertTrue(m.positions()[s] >= 0 && m.positions()[s] < 16);
            notes += MelodyVocabulary.isNote(m.tokens()[s]) ? 1 : 0;
        }
        Score score = ScoreFiles.read(KantorData.corpus("bach-chorales-musicxml").resolve("bwv10.7.mxl")).score();
        assertEquals(org.kantor.core.timeline.ScoreToTimeline.convert(score).notesOfPart(0).size(), notes, "one token per sounded note");
    }

    @Test
    void plainJavaInferenceComputesWhatTheTrainedDjlBlockComputes() throws Exception {
        DjlEngine.get();
        Melody m = chorale().slice(0, 48);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = MelodyNets.languageModel(MelodyNetConfig.LANGUAGE);
            block.initialize(manager, DataType.FLOAT32, MelodyTraining.inputShapes(MelodyNetConfig.LANGUAGE, 1, 8));
            MelodyLanguageModel java = MelodyLanguageModel.read(new ByteArrayInputStream(weights(block)));
            // the Java side reads half-precision weights: load the same rounded values into the block
            CompactWeights.read(block, manager, new ByteArrayInputStream(weights(block)));
            MelodyBatch b = MelodyBatch.single(m, 0, m.steps(), MelodyVocabulary.START);
            NDArray logits = block.forward(new ParameterStore(manager, false), new NDList(b.decoderArray(manager)), false).singletonOrThrow();
            double djl = MelodyTraining.maskedNll(logits, b.targetArray(manager), b.maskArray(manager)).getFloat() * m.steps();
            assertEquals(djl, java.negativeLogLikelihood(m), 1e-3 * m.steps(), "same NLL");

            MelodyNetConfig config = MelodyNetConfig.LATENT;
            MelodyNets.LatentNet latent = (MelodyNets.LatentNet) MelodyNets.latentModel(config);
            latent.initialize(manager, DataType.FLOAT32, MelodyTraining.inputShapes(config, 1, 8));
            CompactWeights.read(latent, manager, new ByteArrayInputStream(weights(latent)));
            MelodyLatentModel javaLatent = MelodyLatentModel.read(new ByteArrayInputStream(weights(latent)));
            Melody window = m.slice(0, 32);
            // the latent model hears the window in C
            MelodyBatch w = MelodyBatch.single(window, 0, 32, MelodyVocabulary.START, KeyNormalization.fitting(window, 0, 32));
            float[] mean = latent.encode(new ParameterStore(manager, false), w.encoderArray(manager), false).get(0).toFloatArray();
            float[] javaMean = javaLatent.encode(window);
            for (int i = 0; i < mean.length; i++) {
                assertEquals(mean[i], javaMean[i], 1e-4, "latent " + i);
            }
        }
    }

    private static byte[] weights(Block block) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompactWeights.write(block, bytes);
        return bytes.toByteArray();
    }

    @Test
    void theNGramBaselineIsAProbabilityDistribution() throws Exception {
        Melody m = chorale();
        NGramModel model = NGramModel.train(List.of(m), 4);
        for (int at : new int[] {0, 5, 17, m.steps() - 1}) {
            double sum = 0;
            int[] t = m.tokens().clone();
            for (int token = 0; token < MelodyVocabulary.SIZE; token++) {
                t[at] = token;
                sum += Math.exp(model.logProbability(t, at));
            }
            assertEquals(1.0, sum, 1e-9, "probabilities at step " + at + " sum to one");
        }
        // seen continuations are likelier than unseen ones
        assertTrue(model.logProbability(m.tokens(), 10) > Math.log(1.0 / MelodyVocabulary.SIZE));
    }

    @Test
    void trainingRunsAFewStepsAndResumes(@TempDir Path dir) throws Exception {
        Melody m = chorale();
        MelodyCorpus corpus = new MelodyCorpus(List.of(m, m.slice(0, 64)), List.of(m), List.of(m));
        for (MelodyNetConfig config : new MelodyNetConfig[] {new MelodyNetConfig(16, 1, 0, 0), new MelodyNetConfig(16, 1, 4, 16)}) {
            Path run = dir.resolve(config.isLatent() ? "latent" : "language");
            MelodyTraining.Settings s = new MelodyTraining.Settings(config, 3, 2, 32, 1e-3f, 3, 3, 1, 0.2f, 1f);
            MelodyTraining.Progress p = new MelodyTraining(s, corpus, run, System.out).run();
            assertEquals(3, p.step());
            assertTrue(Double.isFinite(p.lastValid()));
            MelodyTraining.Settings more = new MelodyTraining.Settings(config, 5, 2, 32, 1e-3f, 5, 5, 1, 0.2f, 1f);
            assertEquals(5, new MelodyTraining(more, corpus, run, System.out).run().step(), "resumed to step 5");
            Path resources = dir.resolve("resources");
            MelodyTraining.export(run, resources);
            Path exported = resources.resolve(config.isLatent() ? "latent.weights" : "language.weights");
            assertTrue(Files.size(exported) > 0);
            if (config.isLatent()) {
                MelodyLatentModel model = MelodyLatentModel.read(Files.newInputStream(exported));
                assertEquals(4, model.encode(m.slice(0, 32)).length);
            } else {
                MelodyLanguageModel model = MelodyLanguageModel.read(Files.newInputStream(exported));
                assertTrue(model.negativeLogLikelihood(m) > 0);
            }
        }
    }

    @Test
    void theShippedModelsBeatTheBaselinesAndReconstruct() throws Exception {
        MelodyLanguageModel language = MelodyLanguageModel.load();
        MelodyLatentModel latent = MelodyLatentModel.load();
        Melody m = chorale();
        double perStep = language.negativeLogLikelihood(m) / m.steps();
        assertTrue(perStep < Math.log(MelodyVocabulary.SIZE) / 2, "far better than guessing: " + perStep);
        Melody window = MelodyEvaluation.windows(List.of(m), 2).get(0);
        int[] right = latent.teacherForcedCorrect(window);
        assertTrue(right[0] >= 0.6 * right[1], "reconstructs most of a chorale phrase: " + right[0] + " of " + right[1]);
        assertArrayEquals(latent.encode(window), latent.encode(window), "encoding is deterministic");
        KeySignature unused = KeySignature.C_MAJOR;
        assertEquals(0, unused.fifths());
    }
}
