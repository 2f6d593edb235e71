package org.kantor.checker;

import java.util.List;
import org.kantor.core.theory.ChordQuality;
import org.kantor.core.theory.IdentifiedChord;

/**
 * The end of the piece should be a cadence a listener hears as an ending: a root-position triad reached
 * from its dominant (authentic), its subdominant (plagal), or by the bass falling a semitone (Phrygian).
 */
final class FinalCadence implements Rule {

    @Override
    public String id() {
        return "final-cadence";
    }

    @Override
    public Finding.Severity severity() {
        return Finding.Severity.ERROR;
    }

    @Override
    public String definition() {
        return "The last chord is not a root-position triad reached from its own dominant (V, V7, vii°), its subdominant or a bass"
                + " falling a semitone onto it (a Phrygian ending).";
    }

    /**
     * What keeps the ending from being a cadence, or null: the last chord is a root-position triad reached from
     * its own dominant (V, V7, vii°), from its subdominant, or by a bass falling a semitone onto it (a Phrygian
     * ending). The key is left aside: a modal chorale may close on its dominant, as Bach's often do.
     */
    private static String problem(Chorale chorale, List<Sonority> all) {
        Sonority end = all.get(all.size() - 1);
        if (end.chord() == null) {
            return "the last sonority (" + String.join(" ", end.pitches().stream().map(Object::toString).toList()) + ") is not a chord";
        }
        if (end.chord().quality().isSeventhChord()) {
            return "the piece ends on a seventh chord (" + end.chord().describe() + ")";
        }
        if (end.chord().inversion() != 0) {
            return "the last chord (" + end.chord().describe() + ") has its " + (end.chord().inversion() == 1 ? "third" : "fifth")
                    + " in the bass";
        }
        Sonority before = null;
        for (int k = all.size() - 2; k >= 0 && before == null; k--) {
            IdentifiedChord c = all.get(k).chord();
            if (c != null && c.rootPitchClass() != end.chord().rootPitchClass()) {
                before = all.get(k);
            }
        }
        if (before == null) {
            return "the last chord is not approached from another chord";
        }
        int rootMove = Math.floorMod(before.chord().rootPitchClass() - end.chord().rootPitchClass(), 12);
        boolean dominant = rootMove == 7 && (before.chord().quality() == ChordQuality.MAJOR || before.chord().quality() == ChordQuality.DOMINANT_SEVENTH)
                || rootMove == 11 && before.chord().quality().description().contains("diminished");
        boolean plagal = rootMove == 5;
        SungNote bass = end.notes()[3];
        SungNote bassBefore = bass == null ? null : chorale.previous(bass);
        boolean phrygian = bassBefore != null && bassBefore.midi() - bass.midi() == 1;
        if (dominant || plagal || phrygian) {
            return null;
        }
        return "the last chord (" + end.chord().describe() + ") is reached from " + before.chord().describe()
                + ", not from its dominant or subdominant";
    }

    @Override
    public void check(Chorale chorale, List<Finding> findings) {
        List<Sonority> all = chorale.sonorities();
        if (all.isEmpty()) {
            return;
        }
        Sonority end = all.get(all.size() - 1);
        String what = problem(chorale, all);
        if (what == null) {
            return;
        }
        // the whole last chord and the bass that leads to it are what a student rewrites
        List<SungNote> marked = new java.util.ArrayList<>();
        List<Integer> voices = new java.util.ArrayList<>();
        for (int v = 0; v < 4; v++) {
            if (end.notes()[v] != null) {
                marked.add(end.notes()[v]);
                voices.add(v);
            }
        }
        SungNote bass = end.notes()[3];
        if (bass != null && chorale.previous(bass) != null) {
            marked.add(chorale.previous(bass));
        }
        findings.add(finding(chorale, end, voices, "Final cadence: " + what + ". End with V-I (or IV-I), the root of the last chord in the bass.", marked));
    }
}
