package org.kantor.tools.catalog;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.harmonizer.GibbsSampler;
import org.kantor.harmonizer.Harmonizer;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.models.harmony.PianoRoll;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/**
 * Harmonize as a service: the parameters checked once, for {@code kantor harmonize} and for the
 * server alike. A melody gets the missing voices; a four-part score gets chosen voices and measures
 * written anew.
 */
public final class HarmonizeService {

    public static final String NAME = "harmonize";

    /** The longest score harmonized in one go. */
    public static final int MAX_MEASURES = 1000;

    /** The parameters; {@code variations} is the command line's alone (the server returns one score). */
    public static final List<ToolParameter> PARAMETERS = List.of(
            ToolParameter.choice("given", "soprano", "Which voice the melody is (four-part scores: the voice kept).",
                    PianoRoll.VOICE_NAMES),
            ToolParameter.text("part", "Scores with several parts (a song with piano, say): the part whose melody is harmonized, by name or"
                    + " number from the top, e.g. Voice or 1. Parts that would clash with the new voices are left out."),
            ToolParameter.text("voices", "Four-part scores: the voices to write anew, comma-separated, e.g. alto,tenor (default: all but the given one)."),
            ToolParameter.text("measures", "Four-part scores: only these measures, by their printed numbers, e.g. 5-8 or 3 (default: all)."),
            ToolParameter.text("bars", "Four-part scores: only these measures, by position counted from 1 at the first measure (pickup included),"
                    + " e.g. 3-6, as a notation program's selection gives them."),
            ToolParameter.number("temperature", 0.9, 0.1, 2, "Below 1: safer choices; above 1: bolder."),
            ToolParameter.seed(),
            ToolParameter.integer("gibbs-steps", 48L, 0, 1000, "Resampling rounds."),
            ToolParameter.choice("layout", "four-staves", "Melodies: a staff per voice, or soprano and alto on one staff and tenor and bass on another.",
                    "four-staves", "two-staves"));

    /** The harmonized scores, one per variation, the seed that reproduces them, and what the musician should know (a part left out). */
    public record Result(List<ScoreDocument> scores, long seed, List<String> messages) {
    }

    private final Supplier<HarmonyModel> model;

    /** @param model gives the loaded model; called once per request, so it may load lazily */
    public HarmonizeService(Supplier<HarmonyModel> model) {
        this.model = model;
    }

    /** @param prefix "--" for the command line's option names, "" for the server's parameters */
    public static ToolArguments arguments(java.util.Map<String, String> given, String prefix) {
        return ToolArguments.of(NAME, PARAMETERS, given, prefix);
    }

    public Result harmonize(ScoreDocument doc, ToolArguments args, int variations) throws ScoreFileException {
        return harmonize(doc, args, variations, fraction -> { });
    }

    /** @param progress told how far sampling has come (0..1) */
    public Result harmonize(ScoreDocument doc, ToolArguments args, int variations, java.util.function.DoubleConsumer progress)
            throws ScoreFileException {
        if (variations < 1 || variations > 8) {
            throw ToolInputException.parameter("variations must be between 1 and 8");
        }
        int given = voiceIndex(args.text("given"), args.label("given"));
        Harmonizer.Layout layout = args.text("layout").equals("two-staves") ? Harmonizer.Layout.TWO_STAVES : Harmonizer.Layout.FOUR_STAVES;
        int measures = MeasureLayout.of(doc.score()).size();
        if (measures > MAX_MEASURES) {
            // about a second per ten measures here: a longer score would keep a command or the server busy for hours
            throw ToolInputException.score(doc.name() + " has " + measures + " measures; Kantor harmonizes up to " + MAX_MEASURES
                    + " at a time (a minute or two of work): split the score and harmonize the parts one by one");
        }
        boolean fourPart = !args.given("part") && isFourPart(doc, args.label("part"));
        boolean partial = args.given("voices") || args.given("measures") || args.given("bars");
        if (args.given("measures") && args.given("bars")) {
            throw ToolInputException.parameter("give the measures either by number (" + args.label("measures") + ") or by position ("
                    + args.label("bars") + "), not both");
        }
        if (partial && !fourPart) {
            throw ToolInputException.score(doc.name() + ": " + args.label("voices") + " and " + args.label("measures") + " rewrite parts of a"
                    + " four-part score (parts Soprano, Alto, Tenor, Bass, or two staves with two voices each); this score has one melody part:"
                    + " harmonize it without them first");
        }
        if (layout == Harmonizer.Layout.TWO_STAVES && fourPart) {
            throw ToolInputException.score(doc.name() + ": " + args.label("layout") + " applies when harmonizing a melody; the voices of a"
                    + " four-part score are rewritten where they are written");
        }
        long seed = args.seed();
        GibbsSampler.Settings sampling = new GibbsSampler.Settings(args.whole("gibbs-steps").intValue(), args.number("temperature"),
                0.9, 0.05, 0.75, true);
        List<String> messages = new java.util.ArrayList<>();
        Harmonizer harmonizer = new Harmonizer(model.get()).onProgress(progress).onMessage(messages::add);
        String part = args.given("part") && !args.text("part").isBlank() ? args.text("part") : null;
        if (part != null && partial) {
            throw ToolInputException.parameter(args.label("part") + " chooses the melody of a score with several parts; "
                    + args.label("voices") + " and " + args.label("measures") + " rewrite a four-part score: give one or the other");
        }
        Harmonizer.Request request = new Harmonizer.Request(given, variations, seed, sampling, layout, part);
        List<ScoreDocument> scores = partial
                ? harmonizer.regenerate(doc, region(doc, args, given), request)
                : harmonizer.harmonize(doc, request);
        return new Result(scores, seed, List.copyOf(messages));
    }

    /** Whether the score is four-part writing; a score that is neither that nor one melody is told how to choose its melody. */
    private static boolean isFourPart(ScoreDocument doc, String partLabel) throws ScoreFileException {
        try {
            return Harmonizer.isFourPart(doc);
        } catch (ScoreFileException e) {
            throw new ScoreFileException(doc.name(), e.problem() + ". To harmonize the melody of one part, name it: "
                    + partLabel + " NAME (e.g. " + partLabel + " 1 for the top part)");
        }
    }

    private static int voiceIndex(String name, String label) {
        int v = List.of(PianoRoll.VOICE_NAMES).indexOf(name.trim().toLowerCase(Locale.ROOT));
        if (v < 0) {
            throw ToolInputException.parameter(label + " takes soprano, alto, tenor and bass, not \"" + name + "\"");
        }
        return v;
    }

    /** The voices and measures asked for, checked against the score. */
    private static Harmonizer.Region region(ScoreDocument doc, ToolArguments args, int given) {
        boolean[] chosen = new boolean[PianoRoll.VOICES];
        List<String> voices = args.list("voices");
        for (int v = 0; v < chosen.length; v++) {
            chosen[v] = voices.isEmpty() && v != given;
        }
        for (String name : voices) {
            chosen[voiceIndex(name, args.label("voices"))] = true;
        }
        List<MeasureLayout.Slot> slots = MeasureLayout.of(doc.score());
        int first = 0;
        int last = slots.size() - 1;
        String parameter = args.given("bars") ? "bars" : "measures";
        String label = args.label(parameter);
        String spec = args.text(parameter);
        if (spec != null) {
            String[] ends = spec.trim().split("\\s*-\\s*", -1);
            if (ends.length > 2 || ends[0].isEmpty() || ends[ends.length - 1].isEmpty()) {
                throw ToolInputException.parameter(label + " takes a measure " + (parameter.equals("bars") ? "position" : "number")
                        + " or a range such as 5-8, not \"" + spec + "\"");
            }
            first = parameter.equals("bars") ? position(doc, slots, ends[0]) : numbered(doc, slots, ends[0]);
            last = parameter.equals("bars") ? position(doc, slots, ends[ends.length - 1]) : numbered(doc, slots, ends[ends.length - 1]);
            if (last < first) {
                throw ToolInputException.parameter(label + " " + spec + ": the range runs backwards");
            }
        }
        return new Harmonizer.Region(chosen, first, last);
    }

    private static int numbered(ScoreDocument doc, List<MeasureLayout.Slot> slots, String number) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).number().equals(number)) {
                return i;
            }
        }
        throw ToolInputException.score(doc.name() + ": there is no measure " + number + " (measures " + slots.get(0).number() + " to "
                + slots.get(slots.size() - 1).number() + ")");
    }

    private static int position(ScoreDocument doc, List<MeasureLayout.Slot> slots, String text) {
        int p;
        try {
            p = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ToolInputException.parameter("bars are counted 1, 2, 3 ...; \"" + text + "\" is not a position");
        }
        if (p < 1 || p > slots.size()) {
            throw ToolInputException.score(doc.name() + ": the score has " + slots.size() + " measures; there is no measure at position " + p);
        }
        return p - 1;
    }
}
