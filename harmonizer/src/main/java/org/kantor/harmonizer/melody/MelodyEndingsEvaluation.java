package org.kantor.harmonizer.melody;

import java.nio.file.Path;
import java.util.List;
import org.kantor.core.KeySignature;
import org.kantor.core.TimeSignature;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.models.melody.MelodyCorpus;
import org.kantor.models.melody.MelodyLanguageModel;
import org.kantor.models.melody.MelodyLatentModel;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;

/**
 * The endings of what continue and generate write, with and without the cadence: songs continued by
 * four measures (two variations each), and eight-measure melodies generated in several keys and meters.
 */
public final class MelodyEndingsEvaluation {

    /** Endings of continuations and of generations. */
    public record Result(MelodyEndings continuations, MelodyEndings generations) {
    }

    private static final KeySignature[] KEYS = {KeySignature.C_MAJOR, KeySignature.parse("E-flat major"), KeySignature.parse("D major"),
        KeySignature.parse("A minor"), KeySignature.parse("G minor")};
    private static final TimeSignature[] TIMES = {TimeSignature.COMMON, TimeSignature.of(3, 4), TimeSignature.of(6, 8)};

    private MelodyEndingsEvaluation() {
    }

    /**
     * @param songs scores to continue (those the tool refuses, with triplets say, are passed over)
     * @param wanted how many songs to continue and how many melodies to generate
     */
    public static Result run(MelodyLanguageModel language, MelodyLatentModel latent, List<Path> songs, int wanted, boolean cadence, long seed) {
        MelodyContinuation continuation = new MelodyContinuation(language, null);
        MelodyEndings continued = MelodyEndings.NONE;
        int done = 0;
        for (Path file : songs) {
            if (done >= wanted) {
                break;
            }
            try {
                ScoreDocument song = ScoreFiles.read(file);
                int part = MelodyCorpus.melodyPart(song.score());
                int first = MeasureLayout.of(song.score()).size();
                for (ScoreDocument doc : continuation.continueScore(song, new MelodyContinuation.Request(4, 2, 1.0, seed + done, part, cadence))) {
                    continued = continued.plus(MelodyEndings.of(doc, part, first));
                }
                done++;
            } catch (ScoreFileException | IllegalArgumentException e) {
                // a song the tool cannot continue: passed over
            }
        }
        MelodyGeneration generation = new MelodyGeneration(latent);
        MelodyEndings generated = MelodyEndings.NONE;
        for (int i = 0; i < wanted; i++) {
            var request = new MelodyGeneration.Request(8, 1, KEYS[i % KEYS.length], TIMES[i % TIMES.length], 1.0, seed + i, cadence);
            try {
                ScoreDocument doc = ScoreDocument.fromScore(generation.generate(request).get(0), "generated.musicxml");
                generated = generated.plus(MelodyEndings.of(doc, 0, 0));
            } catch (ScoreFileException e) {
                throw new IllegalStateException("a generated melody could not be written: " + e.getMessage(), e);
            }
        }
        return new Result(continued, generated);
    }
}
