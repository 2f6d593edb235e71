package org.kantor.models.transcription.eval;

import org.kantor.core.Instrument;
import org.kantor.models.transcription.AudioTranscriber;
import org.kantor.models.transcription.BasicPitch;
import org.kantor.models.transcription.MeterTemplateTraining;
import org.kantor.models.transcription.NoteCreation;
import org.kantor.models.transcription.PerformanceMidi;
import org.kantor.models.transcription.PerformedNote;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Notes as transcription hears them: played on a General MIDI sound with FluidSynth and heard back with Basic Pitch,
 * so that what is learned from scores (the meter templates) is learned from what the estimator will really be shown.
 */
public final class RenderedHearing implements MeterTemplateTraining.Hearing {

    private final BasicPitch model;
    private final Instrument sound;
    private final NoteCreation.Settings settings;
    private final Path work;

    public RenderedHearing(BasicPitch model, Instrument sound, NoteCreation.Settings settings, Path work) {
        this.model = model;
        this.sound = sound;
        this.settings = settings;
        this.work = work;
    }

    @Override
    public List<PerformedNote> hear(List<PerformedNote> written) throws Exception {
        Path midi = Files.createTempFile(work, "heard", ".mid");
        Path wav = midi.resolveSibling(midi.getFileName().toString().replace(".mid", ".wav"));
        try {
            Files.write(midi, PerformanceMidi.toBytes(written, sound));
            FluidSynth.render(midi, wav, BasicPitch.SAMPLE_RATE); // what Basic Pitch hears at: no resampling
            return AudioTranscriber.transcribe(wav, model, settings, f -> { }).notes();
        } finally {
            Files.deleteIfExists(midi);
            Files.deleteIfExists(wav);
        }
    }
}
