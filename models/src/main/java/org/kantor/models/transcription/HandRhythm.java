package org.kantor.models.transcription;

import org.kantor.core.Rational;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a pianist reads a hand's notes: notes struck together are one chord, held to the hand's next chord. A note
 * released a little before the next chord, or ringing a little into it, is written as lasting up to it, so that the
 * chord is one stem and not two voices with rests between them; notes struck together and all let go well before the
 * next chord end together, at the last of them. A note held on for more than a beat past the next chord stays as it is
 * (a second voice: a melody note over moving parts, a pedal bass). The hand's last chord lasts to the end of its beat.
 */
final class HandRhythm {

    /** How far past the hand's next chord a note may ring and still be taken as released at it, in beats. */
    private static final Rational RINGING = Rational.ONE;
    /** How early before the hand's next chord a note may be let go and still be taken as held to it, in beats. */
    private static final Rational EARLY = Rational.of(1, 2);

    private HandRhythm() {
    }

    /** The notes with their written ends tidied, in the order given; {@code staves[i]} is note i's hand. */
    static List<RhythmQuantizer.Placed> tidy(List<RhythmQuantizer.Placed> notes, int[] staves) {
        List<RhythmQuantizer.Placed> result = new ArrayList<>(notes);
        for (int staff : new int[] {1, 2}) {
            TreeMap<Rational, List<Integer>> chords = new TreeMap<>();
            for (int i = 0; i < notes.size(); i++) {
                if (staves[i] == staff) {
                    chords.computeIfAbsent(notes.get(i).onset(), k -> new ArrayList<>()).add(i);
                }
            }
            for (Map.Entry<Rational, List<Integer>> chord : chords.entrySet()) {
                Rational next = chords.higherKey(chord.getKey());
                Rational lastEnd = Rational.ZERO;
                boolean allShort = true;
                for (int i : chord.getValue()) {
                    Rational end = notes.get(i).offset();
                    lastEnd = lastEnd.max(end);
                    allShort &= next == null || end.lessThan(next.minus(EARLY));
                }
                for (int i : chord.getValue()) {
                    RhythmQuantizer.Placed p = notes.get(i);
                    Rational end = p.offset();
                    if (next == null) {
                        end = Rational.of(-lastEnd.negate().floor()); // the hand's last chord: to the end of its beat
                    } else if (!end.lessThan(next.minus(EARLY)) && !end.greaterThan(next.plus(RINGING))) {
                        end = next;
                    } else if (allShort) {
                        end = lastEnd;
                    }
                    result.set(i, new RhythmQuantizer.Placed(p.note(), p.onset(), end));
                }
            }
        }
        return result;
    }
}
