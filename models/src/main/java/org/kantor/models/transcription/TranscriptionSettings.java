package org.kantor.models.transcription;

import org.kantor.core.KeySignature;
import org.kantor.core.TimeSignature;

/**
 * What the user fixed and what is left to estimate: tempo in beats per minute, time signature and
 * key (null: estimate), and the instrument to write for.
 */
public record TranscriptionSettings(Double tempo, TimeSignature time, KeySignature key, Instrumentation instrument,
                                    NoteCreation.Settings noteCreation) {

    /**
     * The staff layout to write. AUTO picks voice for a single line, piano otherwise; SATB and QUARTET write one staff
     * per part of a choir or a string quartet.
     */
    public enum Instrumentation {
        PIANO, VOICE, SATB, QUARTET, AUTO;

        /** The ensemble whose parts are written one per staff, or null for piano and voice. */
        public PartSplitter.Ensemble ensemble() {
            return switch (this) {
                case SATB -> PartSplitter.Ensemble.SATB;
                case QUARTET -> PartSplitter.Ensemble.QUARTET;
                default -> null;
            };
        }
    }

    public static TranscriptionSettings automatic() {
        return new TranscriptionSettings(null, null, null, Instrumentation.AUTO, NoteCreation.Settings.defaults());
    }
}
