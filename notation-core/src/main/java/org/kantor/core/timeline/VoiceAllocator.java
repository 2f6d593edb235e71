package org.kantor.core.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kantor.core.Rational;

/**
 * Distributes the notes of one part over staves and voices: notes with the same onset and offset on
 * the same staff become a chord; overlapping notes go to another voice. Voice labels that came from a
 * score are kept when they are consistent. MuseScore's numbering is used: voices 1-4 on staff 1, 5-8 on staff 2.
 */
public final class VoiceAllocator {

    /** Notes struck and released together in one voice. */
    public record Strike(Rational onset, Rational offset, List<TimedNote> notes) {
    }

    /** One voice line on one staff. */
    public record Line(int staff, String voice, List<Strike> strikes) {
    }

    /** Middle C and above go to the upper staff of a two-staff part. */
    public static final int STAFF_SPLIT_MIDI = 60;

    private VoiceAllocator() {
    }

    public static List<Line> allocate(List<TimedNote> notes, int staves) {
        List<TimedNote> placed = new ArrayList<>();
        for (TimedNote n : notes) {
            int staff = n.staff() >= 1 && n.staff() <= staves ? n.staff() : (staves >= 2 && n.midi() < STAFF_SPLIT_MIDI ? 2 : 1);
            placed.add(new TimedNote(n.midi(), n.onset(), n.offset(), n.velocity(), n.part(), n.voice(), staff, n.spelling()));
        }
        List<Line> lines = new ArrayList<>();
        for (int staff = 1; staff <= staves; staff++) {
            final int s = staff;
            List<TimedNote> onStaff = placed.stream().filter(n -> n.staff() == s).toList();
            List<Line> labelled = byLabel(onStaff, staff);
            lines.addAll(labelled != null ? labelled : byOverlap(onStaff, staff));
        }
        return lines;
    }

    private static List<Line> byLabel(List<TimedNote> notes, int staff) {
        Map<String, List<TimedNote>> groups = new LinkedHashMap<>();
        for (TimedNote n : notes) {
            if (n.voice() == null || n.voice().isBlank()) {
                return null;
            }
            groups.computeIfAbsent(n.voice(), k -> new ArrayList<>()).add(n);
        }
        List<Line> lines = new ArrayList<>();
        for (var e : groups.entrySet()) {
            List<Strike> strikes = strikes(e.getValue());
            for (int i = 1; i < strikes.size(); i++) {
                if (strikes.get(i).onset().lessThan(strikes.get(i - 1).offset())) {
                    return null;
                }
            }
            lines.add(new Line(staff, e.getKey(), strikes));
        }
        return lines;
    }

    private static List<Line> byOverlap(List<TimedNote> notes, int staff) {
        List<List<Strike>> lines = new ArrayList<>();
        List<Strike> strikes = strikes(notes);
        // higher strikes first at equal onsets, so the top line gets voice 1
        strikes.sort(Comparator.comparing(Strike::onset).thenComparing(s -> -s.notes().get(s.notes().size() - 1).midi()));
        for (Strike strike : strikes) {
            List<Strike> target = null;
            for (List<Strike> line : lines) {
                if (!line.get(line.size() - 1).offset().greaterThan(strike.onset())) {
                    target = line;
                    break;
                }
            }
            if (target == null) {
                target = new ArrayList<>();
                lines.add(target);
            }
            target.add(strike);
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            out.add(new Line(staff, Integer.toString((staff - 1) * 4 + i + 1), lines.get(i)));
        }
        return out;
    }

    private static List<Strike> strikes(List<TimedNote> notes) {
        Map<String, List<TimedNote>> byTimes = new LinkedHashMap<>();
        for (TimedNote n : notes) {
            byTimes.computeIfAbsent(n.onset() + "|" + n.offset(), k -> new ArrayList<>()).add(n);
        }
        List<Strike> strikes = new ArrayList<>();
        for (List<TimedNote> group : byTimes.values()) {
            List<TimedNote> sorted = new ArrayList<>(group);
            sorted.sort(Comparator.comparingInt(TimedNote::midi));
            // the same pitch twice in one strike is one note
            List<TimedNote> unique = new ArrayList<>();
            for (TimedNote n : sorted) {
                if (unique.isEmpty() || unique.get(unique.size() - 1).midi() != n.midi()) {
                    unique.add(n);
                }
            }
            strikes.add(new Strike(group.get(0).onset(), group.get(0).offset(), unique));
        }
        strikes.sort(Comparator.comparing(Strike::onset));
        return strikes;
    }
}
