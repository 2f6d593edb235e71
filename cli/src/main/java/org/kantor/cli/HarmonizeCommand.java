package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.harmonizer.GibbsSampler;
import org.kantor.harmonizer.Harmonizer;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.models.harmony.PianoRoll;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFiles;
import org.kantor.musicxml.ScoreFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kantor harmonize}: a melody in, a four-part choir score out; or chosen voices and measures of a four-part score anew. */
@Command(name = "harmonize", mixinStandardHelpOptions = true,
        description = {"Harmonize a melody in four parts, in the style of Bach's chorales (a Coconet-style model, annealed Gibbs sampling).",
            "The melody stays exactly as it was; alto, tenor and bass (or the voices missing around --given) are added as choir parts.",
            "Given a four-part score (parts Soprano, Alto, Tenor, Bass), the voices other than --given are written anew,",
            "or only --voices in --measures, everything else kept."})
final class HarmonizeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "A score with one melody part (.musicxml, .xml, .mxl, .mid).")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output score; with --variations N, OUT-1, OUT-2 ... are written.")
    Path output;

    @Option(names = "--given", defaultValue = "soprano", paramLabel = "VOICE", description = "Which voice the melody is: soprano, alto, tenor or bass (default ${DEFAULT-VALUE}).")
    String given;

    @Option(names = "--voices", split = ",", paramLabel = "VOICE", description = "Four-part scores: the voices to write anew, e.g. alto,tenor (default: all but --given).")
    List<String> voices;

    @Option(names = "--measures", paramLabel = "A-B", description = "Four-part scores: only these measures, by their printed numbers, e.g. 5-8 or 3 (default: all).")
    String measures;

    @Option(names = "--variations", defaultValue = "1", paramLabel = "N", description = "How many different harmonizations (1-8, default ${DEFAULT-VALUE}).")
    int variations;

    @Option(names = "--temperature", defaultValue = "0.9", paramLabel = "T", description = "Below 1: safer choices; above 1: bolder (0.1-2, default ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for a reproducible result (default: a new one each run).")
    Long seed;

    @Option(names = "--gibbs-steps", defaultValue = "48", paramLabel = "N", description = "Resampling rounds (default ${DEFAULT-VALUE}).")
    int gibbsSteps;

    @Option(names = "--layout", defaultValue = "four-staves", paramLabel = "LAYOUT",
            description = "Melodies: four-staves (a staff per voice, default) or two-staves (soprano and alto on one staff, tenor and bass on another).")
    String layout;

    @Option(names = "--overwrite", description = "Allow replacing existing output files.")
    boolean overwrite;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int voice = List.of(PianoRoll.VOICE_NAMES).indexOf(given.toLowerCase(java.util.Locale.ROOT));
        if (voice < 0) {
            throw new Kantor.UserError("--given must be soprano, alto, tenor or bass, not \"" + given + "\"");
        }
        if (variations < 1 || variations > 8) {
            throw new Kantor.UserError("--variations must be between 1 and 8");
        }
        if (temperature < 0.1 || temperature > 2) {
            throw new Kantor.UserError("--temperature must be between 0.1 and 2");
        }
        if (gibbsSteps < 0 || gibbsSteps > 1000) {
            throw new Kantor.UserError("--gibbs-steps must be between 0 and 1000");
        }
        Harmonizer.Layout staves = switch (layout.toLowerCase(java.util.Locale.ROOT)) {
            case "four-staves" -> Harmonizer.Layout.FOUR_STAVES;
            case "two-staves" -> Harmonizer.Layout.TWO_STAVES;
            default -> throw new Kantor.UserError("--layout must be four-staves or two-staves, not \"" + layout + "\"");
        };
        ScoreFormat format = ScoreFormat.ofFile(output);
        if (format == null) {
            throw new Kantor.UserError("cannot tell the format of " + output + " from its extension: use .musicxml, .mxl or .mid");
        }
        List<Path> targets = OutputNames.numbered(output, variations);
        for (Path target : targets) {
            OutputNames.refuseToOverwrite(input, target, overwrite);
        }
        ScoreDocument doc = ScoreFiles.read(input);
        Harmonizer.Region region = null;
        if (voices != null || measures != null) {
            if (!Harmonizer.isFourPart(doc)) {
                throw new Kantor.UserError(input + ": --voices and --measures rewrite parts of a four-part score (parts Soprano, Alto,"
                        + " Tenor, Bass); this score has one melody part: harmonize it without them first", Kantor.EXIT_BAD_INPUT);
            }
            region = region(doc, voice);
        }
        if (staves == Harmonizer.Layout.TWO_STAVES && Harmonizer.isFourPart(doc)) {
            throw new Kantor.UserError(input + ": --layout applies when harmonizing a melody; the voices of a four-part score are"
                    + " rewritten where they are written", Kantor.EXIT_BAD_INPUT);
        }
        long s = seed != null ? seed : System.nanoTime();
        GibbsSampler.Settings sampling = new GibbsSampler.Settings(gibbsSteps, temperature, 0.9, 0.05, 0.75, true);
        List<ScoreDocument> results;
        try (HarmonyModel model = HarmonyModel.load()) {
            Harmonizer harmonizer = new Harmonizer(model);
            Harmonizer.Request request = new Harmonizer.Request(voice, variations, s, sampling, staves);
            results = region == null ? harmonizer.harmonize(doc, request) : harmonizer.regenerate(doc, region, request);
        }
        for (int i = 0; i < results.size(); i++) {
            ScoreFiles.write(results.get(i), targets.get(i), format);
            out.println(input + " -> " + targets.get(i));
        }
        if (seed == null) {
            out.println("(seed " + s + "; pass --seed " + s + " to get the same result again)");
        }
        return Kantor.EXIT_OK;
    }

    /** The voices and measures asked for, checked against the score. */
    private Harmonizer.Region region(ScoreDocument doc, int givenVoice) {
        boolean[] chosen = new boolean[PianoRoll.VOICES];
        if (voices == null) {
            for (int v = 0; v < chosen.length; v++) {
                chosen[v] = v != givenVoice;
            }
        } else {
            for (String name : voices) {
                int v = List.of(PianoRoll.VOICE_NAMES).indexOf(name.trim().toLowerCase(java.util.Locale.ROOT));
                if (v < 0) {
                    throw new Kantor.UserError("--voices takes soprano, alto, tenor and bass, not \"" + name + "\"");
                }
                chosen[v] = true;
            }
        }
        List<MeasureLayout.Slot> slots = MeasureLayout.of(doc.score());
        int first = 0;
        int last = slots.size() - 1;
        if (measures != null) {
            String[] ends = measures.trim().split("\\s*-\\s*", -1);
            if (ends.length > 2 || ends[0].isEmpty() || ends[ends.length - 1].isEmpty()) {
                throw new Kantor.UserError("--measures takes a measure number or a range such as 5-8, not \"" + measures + "\"");
            }
            first = measureIndex(slots, ends[0]);
            last = measureIndex(slots, ends[ends.length - 1]);
            if (last < first) {
                throw new Kantor.UserError("--measures " + measures + ": the range runs backwards");
            }
        }
        return new Harmonizer.Region(chosen, first, last);
    }

    private int measureIndex(List<MeasureLayout.Slot> slots, String number) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).number().equals(number)) {
                return i;
            }
        }
        throw new Kantor.UserError(input + ": there is no measure " + number + " (measures " + slots.get(0).number() + " to "
                + slots.get(slots.size() - 1).number() + ")", Kantor.EXIT_BAD_INPUT);
    }
}
