package org.kantor.tools.catalog;

import java.util.List;
import java.util.Map;
import org.kantor.harmonizer.HarmonizerBenchmark;
import org.kantor.models.NativeStderr;
import org.kantor.models.drums.DrumModel;
import org.kantor.models.drums.DrumTask;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.models.melody.MelodyLanguageModel;
import org.kantor.models.melody.MelodyLatentModel;
import org.kantor.models.transcription.BasicPitch;
import org.kantor.musicxml.MusicXmlWriter;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/**
 * Kantor's tools in menu order, with the models they share: each model loads when a tool first needs
 * it, once, and is released on {@link #close()}.
 */
public final class StandardTools implements AutoCloseable {

    private final LazyModel<HarmonyModel> harmony = new LazyModel<>("harmony", HarmonyModel::load);
    private final LazyModel<MelodyLanguageModel> melody = new LazyModel<>("melody", MelodyLanguageModel::load);
    private final LazyModel<MelodyLatentModel> latent = new LazyModel<>("latent melody", MelodyLatentModel::load);
    private final LazyModel<DrumModel> drumify = new LazyModel<>("drumify", () -> DrumModel.load(DrumTask.DRUMIFY));
    private final LazyModel<DrumModel> groove = new LazyModel<>("groove", () -> DrumModel.load(DrumTask.GROOVE));
    private final LazyModel<BasicPitch> notes = new LazyModel<>("note detection", () -> NativeStderr.silenced(BasicPitch::load));
    private final HarmonizeService harmonize = new HarmonizeService(harmony);
    private final CheckTool check = new CheckTool();
    private final ContinueTool continuation = new ContinueTool(melody, harmony);
    private final GenerateTool generation = new GenerateTool(latent);
    private final InterpolateTool interpolation = new InterpolateTool(latent);
    private final ToolCatalog catalog;

    /** @param maxRecordingSeconds the longest recording Transcribe takes in one run */
    public StandardTools(double maxRecordingSeconds) {
        catalog = new ToolCatalog(List.of(new HarmonizeTool(harmonize), check, continuation, generation, interpolation,
                new TranscribeTool(notes, maxRecordingSeconds), new DrumifyTool(drumify), new GrooveTool(groove)));
    }

    public ToolCatalog catalog() {
        return catalog;
    }

    /** The catalog with the tools that matter over a corpus rather than in an open score: convert first, stats last. */
    public ToolCatalog batchCatalog() {
        List<Tool> tools = new java.util.ArrayList<>();
        tools.add(new ConvertTool());
        tools.addAll(catalog.tools());
        tools.add(new StatsTool());
        return new ToolCatalog(tools);
    }

    /** The harmonizer as a service, for the note-list route of the MuseScore 4 plugin. */
    public HarmonizeService harmonize() {
        return harmonize;
    }

    /** The catalog's tools themselves, for front ends that work on scores they built (MuseScore 4's note lists). */
    public CheckTool check() {
        return check;
    }

    public ContinueTool continuation() {
        return continuation;
    }

    public GenerateTool generation() {
        return generation;
    }

    public InterpolateTool interpolation() {
        return interpolation;
    }

    /**
     * Harmonizes a 16-measure melody once, through the tool as a request would: the model is loaded, the
     * XML binding set up and the sampler compiled before the first real request, which then takes about
     * as long as the tenth.
     */
    public void warmUp() {
        try {
            byte[] melody = MusicXmlWriter.toBytes(ScoreDocument.fromScore(HarmonizerBenchmark.sixteenMeasureMelody(), "warm-up.musicxml"));
            Tool tool = catalog.find(HarmonizeService.NAME).orElseThrow();
            tool.run(new ToolRequest(List.of(ToolFile.of("warm-up", melody)),
                    ToolArguments.of(tool.name(), tool.parameters(), Map.of("seed", "1"), "")));
        } catch (ScoreFileException e) {
            throw new IllegalStateException("the warm-up melody cannot be harmonized: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (LazyModel<?> model : List.of(harmony, melody, latent, drumify, groove, notes)) {
            model.close();
        }
    }
}
