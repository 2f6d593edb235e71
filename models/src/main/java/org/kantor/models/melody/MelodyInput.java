package org.kantor.models.melody;

import org.kantor.core.KeySignature;
import org.kantor.core.TimeSignature;

/**
 * One step's input vector, written the same way in training and in generation: a one-hot token
 * (the previous one for the language model and the decoder, the step's own for the encoder) followed
 * by the step's {@link MelodyFeatures}.
 */
public final class MelodyInput {

    public static final int SIZE = MelodyVocabulary.INPUTS + MelodyFeatures.SIZE;

    private final TimeSignature meter;
    private final boolean[] beatStarts;
    private final KeySignature key;
    private final int shift;

    /** Inputs for a melody in {@code meter} and {@code key}, its notes transposed by {@code shift} semitones. */
    public MelodyInput(TimeSignature meter, KeySignature key, int shift) {
        this.meter = meter;
        this.beatStarts = MelodyFeatures.beatStarts(meter);
        this.key = key;
        this.shift = shift;
    }

    public MelodyInput(Melody melody) {
        this(melody.meter(), melody.key(), 0);
    }

    /** Writes {@link #SIZE} values at {@code offset}: the token (transposed by this input's shift) and the features. */
    public void write(float[] target, int offset, int token, int position) {
        java.util.Arrays.fill(target, offset, offset + MelodyVocabulary.INPUTS, 0f);
        target[offset + MelodyVocabulary.transpose(token, shift == 0 || token == MelodyVocabulary.START ? 0 : shift)] = 1f;
        MelodyFeatures.write(target, offset + MelodyVocabulary.INPUTS, position, meter, beatStarts, key, shift);
    }
}
