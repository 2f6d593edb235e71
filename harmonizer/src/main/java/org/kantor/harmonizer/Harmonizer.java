package org.kantor.harmonizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.kantor.checker.FourPartScore;
import org.kantor.checker.MelodyLine;
import org.kantor.checker.VoiceLeadingChecker;
import org.kantor.checker.VoiceRange;
import org.kantor.core.KeySignature;
import org.kantor.core.Score;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.core.timeline.TimedNote;
import org.kantor.models.harmony.CoconetConfig;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.models.harmony.PianoRoll;
import org.kantor.models.harmony.RollBatch;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/**
 * Harmonizes a melody in four parts, Bach-Doodle style: the melody becomes one voice of the piano
 * roll (soprano unless asked otherwise), the model writes the other three by annealed Gibbs sampling,
 * and the new voices are added to the original score as choir parts, the melody left exactly as it was.
 */
public final class Harmonizer {

    /** How the voices added to a melody are laid out. */
    public enum Layout {
        /** One staff per voice, the tenor in the octave treble clef. */
        FOUR_STAVES,
        /** Soprano and alto on one treble staff, tenor and bass on one bass staff, stems telling the voices apart (hymnal style). */
        TWO_STAVES
    }

    /**
     * What to harmonize and how. {@code givenVoice}: 0 soprano .. 3 bass; {@code part}: the name (or number, from 1)
     * of the part whose melody is harmonized, null for a score with a single part.
     */
    public record Request(int givenVoice, int variations, long seed, GibbsSampler.Settings sampling, Layout layout, String part) {
        public Request(int givenVoice, int variations, long seed, GibbsSampler.Settings sampling) {
            this(givenVoice, variations, seed, sampling, Layout.FOUR_STAVES);
        }

        public Request(int givenVoice, int variations, long seed, GibbsSampler.Settings sampling, Layout layout) {
            this(givenVoice, variations, seed, sampling, layout, null);
        }

        public static Request defaults() {
            return new Request(0, 1, 1, GibbsSampler.Settings.defaults());
        }
    }

    private final HarmonyModel model;
    private java.util.function.DoubleConsumer progress = fraction -> { };
    private java.util.function.Consumer<String> messages = message -> { };

    public Harmonizer(HarmonyModel model) {
        this.model = model;
    }

    /** Tells {@code progress} how far sampling has come (0..1), for a progress bar; returns this harmonizer. */
    public Harmonizer onProgress(java.util.function.DoubleConsumer progress) {
        this.progress = progress;
        return this;
    }

    /** Tells {@code messages} what a musician should know about the result (a part left out, and why); returns this harmonizer. */
    public Harmonizer onMessage(java.util.function.Consumer<String> messages) {
        this.messages = messages;
        return this;
    }

    /**
     * Which voices of a four-part score to write anew, in which measures (indices from 0, inclusive);
     * everything else is kept and the new notes are written around it.
     */
    public record Region(boolean[] voices, int firstMeasure, int lastMeasure) {
        /** Every measure of the voices other than {@code given}. */
        public static Region allBut(int given, int measures) {
            boolean[] voices = new boolean[PianoRoll.VOICES];
            for (int v = 0; v < voices.length; v++) {
                voices[v] = v != given;
            }
            return new Region(voices, 0, measures - 1);
        }
    }

    /** Whether the score is a four-part score (one part per voice) rather than a melody. */
    public static boolean isFourPart(ScoreDocument input) throws ScoreFileException {
        return FourPartScore.find(input.score(), input.name()) != null;
    }

    /**
     * One harmonized document per variation. A melody gets the other voices as new choir parts; a
     * four-part score gets the voices other than the given one written anew. The input is not changed.
     */
    public List<ScoreDocument> harmonize(ScoreDocument input, Request request) throws ScoreFileException {
        Score original = input.score();
        FourPartScore four = request.part() == null ? FourPartScore.find(original, input.name()) : null;
        if (four != null) {
            return regenerate(withoutClashingParts(input, four), Region.allBut(request.givenVoice(), MeasureLayout.of(original).size()), request);
        }
        int named = request.part() == null ? -1 : PartChoice.find(original, request.part(), input.name());
        if (named >= 0 && TopLine.needed(original, named)) {
            return harmonize(topLineAlone(input, named), new Request(request.givenVoice(), request.variations(), request.seed(),
                    request.sampling(), request.layout(), "1"));
        }
        MelodyLine chosen = named < 0 ? MelodyLine.of(original, input.name()) : MelodyLine.ofPart(original, named, input.name());
        List<Integer> clashing = OtherParts.clashing(original, Set.of(chosen.partIndex()), chosen.notes());
        ScoreDocument base = input;
        if (!clashing.isEmpty()) {
            messages.accept("left out " + OtherParts.names(original, clashing) + ": " + (clashing.size() == 1 ? "its" : "their")
                    + " own harmony would clash with the new voices");
            base = input.copy();
            base.removeParts(clashing);
        }
        Score score = base.score();
        MelodyLine melody = MelodyLine.ofPart(score, chosen.partIndex() - (int) clashing.stream().filter(p -> p < chosen.partIndex()).count(),
                input.name());
        int steps = melody.steps();
        int given = request.givenVoice();
        int shift = transpositionIntoRange(melody.notes(), VoiceRange.TEXTBOOK[given]);

        int[][] pitches = new int[steps][PianoRoll.VOICES];
        boolean[][] unknown = new boolean[PianoRoll.VOICES][steps];
        Set<Integer> onsets = new HashSet<>();
        for (int[] row : pitches) {
            java.util.Arrays.fill(row, PianoRoll.SILENT);
        }
        for (TimedNote n : melody.notes()) {
            int from = (int) n.onset().dividedBy(MelodyLine.STEP).floor();
            int to = Math.min(steps, (int) n.offset().dividedBy(MelodyLine.STEP).floor());
            onsets.add(from);
            for (int t = from; t < to; t++) {
                pitches[t][given] = clampToModel(n.midi() + shift);
                for (int v = 0; v < PianoRoll.VOICES; v++) {
                    unknown[v][t] = v != given;
                }
            }
        }
        List<MeasureLayout.Slot> slots = MeasureLayout.of(score);
        int[] beatPhases = beatPhases(slots, steps);
        boolean[] mayMove = movesOnEighthsAndWithTheMelody(beatPhases, onsets);
        holdUnderFermatas(mayMove, melody.notes(), melody.fermataOnsets());
        GibbsSampler sampler = closingOnTheTonic(new GibbsSampler(model, request.sampling())
                .avoiding(ChromaticClashes.of(slots, steps).writtenAs(given, melody.notes())), slots, melody.notes(), unknown, given);
        int[][][] sampled = sampler.onProgress(progress).sample(pitches, unknown, request.variations(), new Random(request.seed()), mayMove, beatPhases);

        Set<Integer> repeats = repeatedNoteSteps(beatPhases, onsets);
        ScoreDocument credited = harmonizedCopy(base, given, null);
        FaultRepair.Writer writer = variation -> {
            int[][] roll = new int[steps][PianoRoll.VOICES];
            for (int t = 0; t < steps; t++) {
                for (int v = 0; v < PianoRoll.VOICES; v++) {
                    roll[t][v] = variation[t][v] == PianoRoll.SILENT ? PianoRoll.SILENT : variation[t][v] - shift;
                }
            }
            ScoreDocument doc = credited.copy();
            NewVoices added = new NewVoices(roll, repeats, melody.fermataOnsets(), slots);
            if (request.layout() == Layout.TWO_STAVES) {
                added.onTwoStaves(doc, melody, given);
            } else {
                added.onFourStaves(doc, melody.partIndex(), given);
            }
            return doc;
        };
        return repaired(sampler, sampled, unknown, writer, request, mayMove, beatPhases);
    }

    /**
     * The sampler asked to put the bass on the tonic under the melody's last note, where the melody ends on the
     * tonic chord, and under its first, where it opens on it too (and the bass is written anew there): a chorale
     * opens and closes on the tonic, which the model alone forgets now and then.
     */
    private static GibbsSampler closingOnTheTonic(GibbsSampler sampler, List<MeasureLayout.Slot> slots, List<TimedNote> melody,
                                                  boolean[][] unknown, int given) {
        if (melody.isEmpty() || given == PianoRoll.VOICES - 1 || slots.isEmpty()) {
            return sampler;
        }
        KeySignature key = slots.get(slots.size() - 1).key();
        requireBass(sampler, melody.get(melody.size() - 1), FinalTonic.of(key, melody), unknown);
        requireBass(sampler, melody.get(0), FinalTonic.opening(slots.get(0).key(), melody), unknown);
        return sampler;
    }

    private static void requireBass(GibbsSampler sampler, TimedNote under, int pitchClass, boolean[][] unknown) {
        int from = (int) under.onset().dividedBy(MelodyLine.STEP).floor();
        int to = Math.min(unknown[0].length, (int) under.offset().dividedBy(MelodyLine.STEP).floor());
        if (pitchClass >= 0 && from >= 0 && from < to && unknown[PianoRoll.VOICES - 1][from]) {
            sampler.requiring(PianoRoll.VOICES - 1, from, to, pitchClass);
        }
    }

    /** The sampled variations written out, after the notes the checker flags were resampled (see {@link FaultRepair}). */
    private static List<ScoreDocument> repaired(GibbsSampler sampler, int[][][] sampled, boolean[][] unknown, FaultRepair.Writer writer,
                                                Request request, boolean[] mayMove, int[] beatPhases) throws ScoreFileException {
        sampler.onProgress(fraction -> { });
        FaultRepair repair = new FaultRepair(sampler, VoiceLeadingChecker.standard(), request.sampling().repairPasses());
        // its own generator, so that asking for repairs or not leaves the sampled notes the same
        return List.of(repair.repair(sampled, unknown, writer, new Random(request.seed() + 1), mayMove, beatPhases));
    }

    /** Rewrites a region of a four-part score: one document per variation. */
    public List<ScoreDocument> regenerate(ScoreDocument input, Region region, Request request) throws ScoreFileException {
        FourPartScore four = FourPartScore.find(input.score(), input.name());
        if (four == null) {
            throw new ScoreFileException(input.name(), "regenerating voices needs a four-part score (one part each for soprano, alto,"
                    + " tenor and bass); this one has a single melody part: harmonize it first");
        }
        return regenerate(input, four, region, request);
    }

    private List<ScoreDocument> regenerate(ScoreDocument input, FourPartScore four, Region region, Request request)
            throws ScoreFileException {
        List<MeasureLayout.Slot> slots = MeasureLayout.of(input.score());
        int steps = four.steps();
        int from = (int) slots.get(region.firstMeasure()).start().dividedBy(MelodyLine.STEP).floor();
        int to = Math.min(steps, (int) slots.get(region.lastMeasure()).end().dividedBy(MelodyLine.STEP).floor());
        int[][] pitches = new int[steps][PianoRoll.VOICES];
        for (int[] row : pitches) {
            java.util.Arrays.fill(row, PianoRoll.SILENT);
        }
        Set<Integer> keptOnsets = new HashSet<>();
        Set<org.kantor.core.Rational> fermatas = new HashSet<>();
        for (int v = 0; v < PianoRoll.VOICES; v++) {
            for (TimedNote n : four.lines()[v].notes()) {
                int start = (int) n.onset().dividedBy(MelodyLine.STEP).floor();
                int end = Math.min(steps, (int) n.offset().dividedBy(MelodyLine.STEP).floor());
                boolean rewritten = region.voices()[v] && start >= from && start < to;
                if (!rewritten) {
                    keptOnsets.add(start);
                }
                for (int t = start; t < end; t++) {
                    pitches[t][v] = clampToModel(n.midi());
                }
            }
            fermatas.addAll(four.lines()[v].fermataOnsets());
        }
        // the new voices sound wherever the kept ones do (or, if every voice is new, where any sounded)
        boolean[][] unknown = new boolean[PianoRoll.VOICES][steps];
        boolean allNew = true;
        for (boolean chosen : region.voices()) {
            allNew &= chosen;
        }
        for (int t = from; t < to; t++) {
            boolean harmony = false;
            for (int v = 0; v < PianoRoll.VOICES; v++) {
                harmony |= pitches[t][v] != PianoRoll.SILENT && (allNew || !region.voices()[v]);
            }
            for (int v = 0; v < PianoRoll.VOICES; v++) {
                if (region.voices()[v]) {
                    unknown[v][t] = harmony;
                    pitches[t][v] = PianoRoll.SILENT;
                }
            }
        }
        int[] beatPhases = beatPhases(slots, steps);
        boolean[] mayMove = movesOnEighthsAndWithTheMelody(beatPhases, keptOnsets);
        for (int v = 0; v < PianoRoll.VOICES; v++) {
            if (!region.voices()[v]) {
                holdUnderFermatas(mayMove, four.lines()[v].notes(), four.lines()[v].fermataOnsets());
            }
        }
        ChromaticClashes clashes = ChromaticClashes.of(slots, steps);
        for (int v = 0; v < PianoRoll.VOICES; v++) {
            clashes.writtenAs(v, four.lines()[v].notes());
        }
        GibbsSampler sampler = new GibbsSampler(model, request.sampling()).avoiding(clashes);
        if (!region.voices()[0]) {
            sampler = closingOnTheTonic(sampler, slots, four.lines()[0].notes(), unknown, -1);
        }
        int[][][] sampled = sampler.onProgress(progress).sample(pitches, unknown, request.variations(), new Random(request.seed()), mayMove,
                beatPhases);
        ScoreDocument credited = harmonizedCopy(input, -1, region);
        FaultRepair.Writer writer = variation -> {
            ScoreDocument doc = credited.copy();
            for (int v = 0; v < PianoRoll.VOICES; v++) {
                if (!region.voices()[v]) {
                    continue;
                }
                // only the region is written: notes must not run (or tie) across its edges
                int[][] inside = new int[steps][PianoRoll.VOICES];
                for (int t = 0; t < steps; t++) {
                    java.util.Arrays.fill(inside[t], PianoRoll.SILENT);
                    inside[t][v] = t >= from && t < to ? variation[t][v] : PianoRoll.SILENT;
                }
                Set<Integer> breaks = repeatedNoteSteps(beatPhases, keptOnsets);
                breaks.add(from);
                breaks.add(to);
                Score part = ChoirParts.build(inside, List.of(v), breaks, fermatas, slots, 1 + v);
                FourPartScore.Source source = four.sources()[v];
                if (source.ownsPart()) {
                    doc.replaceMeasures(source.part(), part, region.firstMeasure(), region.lastMeasure());
                } else {
                    doc.replaceVoice(source.part(), source.staff(), source.voice(), part, region.firstMeasure(), region.lastMeasure(),
                            source.upper());
                }
            }
            return doc;
        };
        return repaired(sampler, sampled, unknown, writer, request, mayMove, beatPhases);
    }

    /**
     * The score with the top line of a part that plays chords (a piano's right hand) as its only part: the title and
     * credits stay, every original part goes, and a message says so.
     */
    private ScoreDocument topLineAlone(ScoreDocument input, int part) throws ScoreFileException {
        Score score = input.score();
        String name = MelodyLine.partName(score.parts().get(part), part);
        List<TimedNote> tune = TopLine.of(score, part, input.name());
        Score line = org.kantor.harmonizer.melody.MelodyNotation.onePart(tune, MeasureLayout.of(score), "Melody",
                new org.kantor.core.Instrument("Melody", score.parts().get(part).instrument() == null ? 0
                        : score.parts().get(part).instrument().midiProgram(), 1, false));
        ScoreDocument withLine = input.copy();
        withLine.addParts(line, 0);
        // read back before taking parts out: the added part is then bound to its XML like every other
        ScoreDocument alone = withLine.copy();
        List<Integer> originals = new ArrayList<>();
        for (int p = 1; p <= score.parts().size(); p++) {
            originals.add(p);
        }
        alone.removeParts(originals);
        messages.accept("harmonized the top line of " + name + " (its highest notes, " + tune.size() + " of them); "
                + OtherParts.names(score, originals.stream().map(p -> p - 1).toList()) + " left out");
        return alone;
    }

    /**
     * A four-part score whose voices other than the given one are all written anew: instrumental parts that
     * do not double the given voice are left out (Bach's obbligato horn over new alto, tenor and bass).
     */
    private ScoreDocument withoutClashingParts(ScoreDocument input, FourPartScore four) throws ScoreFileException {
        Set<Integer> choir = new HashSet<>();
        for (FourPartScore.Source source : four.sources()) {
            choir.add(source.part());
        }
        List<Integer> clashing = OtherParts.clashing(input.score(), choir, four.lines()[0].notes());
        if (clashing.isEmpty()) {
            return input;
        }
        messages.accept("left out " + OtherParts.names(input.score(), clashing) + ": " + (clashing.size() == 1 ? "it does" : "they do")
                + " not double the melody and would clash with the new voices");
        ScoreDocument reduced = input.copy();
        reduced.removeParts(clashing);
        return reduced;
    }

    /** A copy of {@code doc} whose credits say that Kantor wrote the new voices (given: the melody's voice, or a region of voices). */
    private static ScoreDocument harmonizedCopy(ScoreDocument doc, int given, Region region) throws ScoreFileException {
        ScoreDocument copy = doc.copy();
        List<String> written = new ArrayList<>();
        for (int v = 0; v < PianoRoll.VOICES; v++) {
            if (region != null ? region.voices()[v] : v != given) {
                written.add(PianoRoll.VOICE_NAMES[v]);
            }
        }
        String voices = OtherParts.inWords(written);
        voices = Character.toUpperCase(voices.charAt(0)) + voices.substring(1);
        List<MeasureLayout.Slot> measures = MeasureLayout.of(doc.score());
        boolean partial = region != null && (region.firstMeasure() > 0 || region.lastMeasure() < measures.size() - 1);
        String where = partial ? " in measures " + measures.get(region.firstMeasure()).number() + "-"
                + measures.get(region.lastMeasure()).number() : "";
        org.kantor.musicxml.Credits.setArranger(copy, voices + where + ": Kantor harmonizer");
        return copy;
    }

    /**
     * Where a new voice that keeps its pitch strikes it again rather than holding it: on a beat where the
     * given voices strike a note (a new syllable); between beats it holds. The roll cannot tell, the
     * chorales mostly do this.
     */
    static Set<Integer> repeatedNoteSteps(int[] beatPhases, Set<Integer> givenOnsets) {
        Set<Integer> repeats = new HashSet<>();
        for (int t : givenOnsets) {
            if (t >= 0 && t < beatPhases.length && beatPhases[t] == 0) {
                repeats.add(t);
            }
        }
        return repeats;
    }

    /** Steps where the added voices may change pitch: every eighth, and wherever the melody strikes a note. */
    static boolean[] movesOnEighthsAndWithTheMelody(int[] beatPhases, Set<Integer> melodyOnsets) {
        boolean[] may = new boolean[beatPhases.length];
        for (int t = 0; t < may.length; t++) {
            may[t] = beatPhases[t] % 2 == 0 || melodyOnsets.contains(t);
        }
        return may;
    }

    /** While a kept note holds a fermata, the new voices hold theirs too: a choir stops together and moves on together. */
    static void holdUnderFermatas(boolean[] mayMove, List<TimedNote> notes, Set<org.kantor.core.Rational> fermataOnsets) {
        for (TimedNote n : notes) {
            if (!fermataOnsets.contains(n.onset())) {
                continue;
            }
            int from = (int) n.onset().dividedBy(MelodyLine.STEP).floor();
            int to = Math.min(mayMove.length, (int) n.offset().dividedBy(MelodyLine.STEP).floor());
            for (int t = from + 1; t < to; t++) {
                mayMove[t] = false;
            }
        }
    }

    /**
     * Each step's position within its quarter-note beat, counted from the barline before it (from the
     * barline after it in a pickup, which ends on the beat): the model learned where notes change from it.
     */
    static int[] beatPhases(List<MeasureLayout.Slot> measures, int steps) {
        int[] phases = RollBatch.beatPhases(steps, 0);
        for (int i = 0; i < measures.size(); i++) {
            MeasureLayout.Slot m = measures.get(i);
            boolean pickup = i == 0 && m.length().lessThan(m.time().measureLength());
            long anchor = (pickup ? m.end() : m.start()).dividedBy(MelodyLine.STEP).floor();
            long from = m.start().dividedBy(MelodyLine.STEP).floor();
            long to = Math.min(steps, m.end().dividedBy(MelodyLine.STEP).floor());
            for (long t = Math.max(0, from); t < to; t++) {
                phases[(int) t] = (int) Math.floorMod(t - anchor, (long) CoconetConfig.STEPS_PER_BEAT);
            }
        }
        return phases;
    }

    /** Whole-octave shift (or none) that brings most of the melody into the given voice's range. */
    static int transpositionIntoRange(List<TimedNote> melody, VoiceRange range) {
        int best = 0;
        int bestOutside = Integer.MAX_VALUE;
        for (int shift : new int[] {0, 12, -12, 24, -24}) {
            int outside = 0;
            for (TimedNote n : melody) {
                if (!range.contains(n.midi() + shift)) {
                    outside++;
                }
            }
            if (outside < bestOutside) {
                best = shift;
                bestOutside = outside;
            }
        }
        return best;
    }

    private static int clampToModel(int midi) {
        int m = midi;
        while (m < PianoRoll.LOWEST) {
            m += 12;
        }
        while (m > PianoRoll.HIGHEST) {
            m -= 12;
        }
        return m;
    }
}
