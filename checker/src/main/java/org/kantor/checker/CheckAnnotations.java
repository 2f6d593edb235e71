package org.kantor.checker;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kantor.core.Rational;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.checker.FourPartScore;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreMarkup;

/**
 * Writes a check into the score itself, for MuseScore: the notes of each finding coloured (red for
 * errors, orange for warnings), a short label above the staff of the finding's upper voice, and the
 * roman numerals in small text under the bass. Nothing else in the file changes.
 */
public final class CheckAnnotations {

    public static final String ERROR_COLOR = "#D00000";
    public static final String WARNING_COLOR = "#E07000";

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("parallel-fifths", "par. 5ths"), Map.entry("parallel-octaves", "par. 8ves"),
            Map.entry("contrary-fifths", "contr. 5ths"), Map.entry("contrary-octaves", "contr. 8ves"),
            Map.entry("hidden-fifths", "hidden 5ths"), Map.entry("hidden-octaves", "hidden 8ves"),
            Map.entry("voice-crossing", "crossing"), Map.entry("voice-overlap", "overlap"), Map.entry("spacing", "spacing"),
            Map.entry("range", "range"), Map.entry("leading-tone", "LT unresolved"), Map.entry("seventh-resolution", "7th unresolved"),
            Map.entry("doubled-leading-tone", "doubled LT"), Map.entry("augmented-second", "aug. 2nd"), Map.entry("large-leap", "leap > 8ve"));

    private CheckAnnotations() {
    }

    /** The short label a finding gets in the score. */
    public static String label(String rule) {
        return LABELS.getOrDefault(rule, rule);
    }

    public static void apply(ScoreDocument doc, VoiceLeadingChecker.Report report) throws ScoreFileException {
        Chorale chorale = report.chorale();
        ScoreMarkup markup = new ScoreMarkup(doc);
        // one label per place: findings at the same sonority and staff share it
        Map<String, StringBuilder> labels = new LinkedHashMap<>();
        Map<String, Object[]> places = new LinkedHashMap<>();
        Map<String, Boolean> errors = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            String color = f.severity() == Finding.Severity.ERROR ? ERROR_COLOR : WARNING_COLOR;
            for (SungNote n : f.marked()) {
                if (n != null) {
                    FourPartScore.Source s = chorale.source(n.voice());
                    markup.colorNote(s.part(), n.measure(), s.staff(), s.voice(), n.offset(), color);
                }
            }
            FourPartScore.Source top = chorale.source(f.voices().get(0));
            String key = top.part() + "/" + top.staff() + "/" + f.at().index();
            labels.computeIfAbsent(key, k -> new StringBuilder());
            if (!labels.get(key).toString().contains(label(f.rule()))) {
                labels.get(key).append(labels.get(key).length() == 0 ? "" : ", ").append(label(f.rule()));
            }
            places.put(key, new Object[] {top, f.at()});
            errors.merge(key, f.severity() == Finding.Severity.ERROR, Boolean::logicalOr);
        }
        for (var e : labels.entrySet()) {
            FourPartScore.Source s = (FourPartScore.Source) places.get(e.getKey())[0];
            Sonority at = (Sonority) places.get(e.getKey())[1];
            markup.addText(s.part(), at.measure(), s.staff(), offsetInMeasure(chorale, at), e.getValue().toString(), true,
                    errors.get(e.getKey()) ? ERROR_COLOR : WARNING_COLOR);
        }
        FourPartScore.Source bass = chorale.source(3);
        String previous = null;
        for (Sonority s : chorale.sonorities()) {
            String numeral = s.numeral() == null ? null : s.numeral().text();
            if (numeral != null && !numeral.equals(previous)) {
                markup.addText(bass.part(), s.measure(), bass.staff(), offsetInMeasure(chorale, s), numeral, false, null);
            }
            if (numeral != null) {
                previous = numeral;
            }
        }
        markup.finish();
    }

    private static Rational offsetInMeasure(Chorale chorale, Sonority s) {
        MeasureLayout.Slot m = chorale.measures().get(s.measure());
        return s.onset().minus(m.start());
    }
}
