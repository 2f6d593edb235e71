package org.kantor.models.transcription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A held note swelling with its vibrato stays one note for a held sound, and a real new attack on the same key is a new
 * note for any sound: Basic Pitch's activations made by hand, one key, 100 frames.
 */
class NoteCreationTest {

    private static final int KEY = 60 - 21; // middle C

    /** One key sounding from frame 10 to 80, with onset peaks where given. */
    private static Activations held(double... peaks) {
        int frames = 100;
        float[][] note = new float[frames][BasicPitch.KEYS];
        float[][] onset = new float[frames][BasicPitch.KEYS];
        float[][] contour = new float[frames][BasicPitch.KEYS * 3];
        for (int t = 10; t < 80; t++) {
            note[t][KEY] = 0.8f;
        }
        for (int i = 0; i + 1 < peaks.length; i += 2) {
            onset[(int) peaks[i]][KEY] = (float) peaks[i + 1];
        }
        return new Activations(note, onset, contour);
    }

    private static List<NoteEvent> notes(Activations a, NoteCreation.Settings settings) {
        return NoteCreation.notes(a, settings).stream().filter(n -> n.midi() == 60).toList();
    }

    @Test
    void aWeakOnsetInsideAHeldNoteIsASwellForAHeldSoundAndANewNoteOtherwise() {
        NoteCreation.Settings struck = NoteCreation.Settings.defaults();
        Activations swell = held(10, 0.9, 45, 0.6);
        assertEquals(2, notes(swell, struck).size(), "Basic Pitch's way: every onset peak is a note");
        List<NoteEvent> one = notes(swell, struck.forHeldNotes());
        assertEquals(1, one.size(), "held: one note through the swell");
        assertEquals(10, one.get(0).startFrame());
        assertEquals(80, one.get(0).endFrame());
    }

    @Test
    void aStrongNewAttackOnTheSameKeyIsANewNoteForAnySound() {
        Activations reattack = held(10, 0.9, 45, 0.95);
        assertEquals(2, notes(reattack, NoteCreation.Settings.defaults().forHeldNotes()).size());
    }
}
