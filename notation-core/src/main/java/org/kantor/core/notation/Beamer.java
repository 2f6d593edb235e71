package org.kantor.core.notation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kantor.core.MusicEvent;
import org.kantor.core.Note;
import org.kantor.core.Rational;
import org.kantor.core.Rest;
import org.kantor.core.TimeSignature;

/**
 * Beams the eighths and shorter values of one voice in one measure by the meter's beat groups: per
 * beat (6/8: three eighths; 3/4: two), and in 2/4 and 4/4 a half bar of plain eighths together.
 * Rests break beams. A lone shorter value gets a hook toward the note it belongs with.
 */
public final class Beamer {

    private Beamer() {
    }

    /** For each beamed event (by index in {@code events}), its beam states from the eighth-note beam down. */
    public static Map<Integer, List<Beam>> beams(List<MusicEvent> events, TimeSignature time) {
        Map<Integer, List<Beam>> result = new HashMap<>();
        for (List<Integer> group : groups(events, time)) {
            for (List<Integer> run : runs(group, events)) {
                if (run.size() >= 2) {
                    beamRun(run, events, result);
                }
            }
        }
        return result;
    }

    private static List<List<Integer>> groups(List<MusicEvent> events, TimeSignature time) {
        List<Rational> starts = new ArrayList<>(time.beatStarts());
        List<Rational> beats = time.beats();
        boolean mergePairs = !time.isCompound() && !time.isAdditive() && time.beatType() == 4
                && (beats.size() == 2 || beats.size() == 4);
        List<List<Integer>> groups = new ArrayList<>();
        for (int b = 0; b < starts.size(); b++) {
            Rational from = starts.get(b);
            Rational to = from.plus(beats.get(b));
            if (mergePairs && b % 2 == 0 && onlyEighths(events, from, to.plus(beats.get(b)))) {
                to = to.plus(beats.get(b));
                b++;
            }
            List<Integer> group = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                MusicEvent e = events.get(i);
                if (!e.offset().lessThan(from) && e.offset().lessThan(to) && !e.end().greaterThan(to)) {
                    group.add(i);
                }
            }
            groups.add(group);
        }
        return groups;
    }

    private static boolean onlyEighths(List<MusicEvent> events, Rational from, Rational to) {
        boolean any = false;
        for (MusicEvent e : events) {
            if (!e.offset().lessThan(from) && e.offset().lessThan(to)) {
                if (e instanceof Rest || e.duration().type().beams() != 1 || e.duration().tuplet() != null) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static List<List<Integer>> runs(List<Integer> group, List<MusicEvent> events) {
        List<List<Integer>> runs = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int i : group) {
            if (beamable(events.get(i))) {
                current.add(i);
            } else {
                if (!current.isEmpty()) {
                    runs.add(current);
                }
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            runs.add(current);
        }
        return runs;
    }

    private static boolean beamable(MusicEvent e) {
        if (e instanceof Rest) {
            return false;
        }
        if (e instanceof Note n && n.grace()) {
            return false;
        }
        return e.duration().type().beams() >= 1;
    }

    private static void beamRun(List<Integer> run, List<MusicEvent> events, Map<Integer, List<Beam>> result) {
        int deepest = 0;
        for (int i : run) {
            deepest = Math.max(deepest, events.get(i).duration().type().beams());
        }
        for (int i : run) {
            result.put(i, new ArrayList<>());
        }
        for (int level = 1; level <= deepest; level++) {
            for (int k = 0; k < run.size(); k++) {
                int beams = events.get(run.get(k)).duration().type().beams();
                if (beams < level) {
                    continue;
                }
                boolean prev = k > 0 && events.get(run.get(k - 1)).duration().type().beams() >= level;
                boolean next = k + 1 < run.size() && events.get(run.get(k + 1)).duration().type().beams() >= level;
                Beam state;
                if (prev && next) {
                    state = Beam.CONTINUE;
                } else if (next) {
                    state = Beam.BEGIN;
                } else if (prev) {
                    state = Beam.END;
                } else {
                    state = k == 0 ? Beam.FORWARD_HOOK : Beam.BACKWARD_HOOK;
                }
                result.get(run.get(k)).add(state);
            }
        }
    }
}
