package org.kantor.cli;

import org.kantor.core.Instrument;
import org.kantor.models.NativeStderr;
import org.kantor.models.transcription.BasicPitch;
import org.kantor.models.transcription.MeterTemplateTraining;
import org.kantor.models.transcription.NoteCreation;
import org.kantor.models.transcription.eval.FluidSynth;
import org.kantor.models.transcription.eval.RenderedHearing;
import org.kantor.musicxml.AtomicFiles;
import org.kantor.musicxml.KantorData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kantor train meter}: the meter templates of transcription, counted on the scores' training split (about a minute). */
@Command(name = "meter", header = "Count transcription's meter templates on the scores' training split.", mixinStandardHelpOptions = true,
        description = {"Count the meter templates that transcription uses to find the beats a bar and the downbeat, on the",
            "training split of the chorales, lieder and quartets (each played as written with its true beats), and",
            "print how often they find both on the held-out split. Writes the JSON resource the jar ships."})
final class TrainMeterCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "The JSON file to write (the shipped one is "
            + "models/src/main/resources/org/kantor/models/transcription/meter-templates.json).")
    Path out;

    @Option(names = "--heard", description = "Count on the notes Basic Pitch hears in a piano rendering of each piece's first "
            + "30 seconds (FluidSynth; every other training piece), as transcription will show them, not on the notes as written (about 30 minutes).")
    boolean heard;

    @Override
    public Integer call() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String corpus : List.of("bach-chorales-musicxml", "openscore-lieder", "openscore-quartets")) {
            files.addAll(KantorData.scoreFiles(SharedData.require(corpus)));
        }
        MeterTemplateTraining.Report report;
        if (heard) {
            String missing = FluidSynth.missing();
            if (missing != null) {
                throw new Kantor.UserError("kantor train meter --heard renders audio with FluidSynth: " + missing);
            }
            Path work = Files.createTempDirectory("kantor-train-meter");
            try (BasicPitch model = NativeStderr.silenced(BasicPitch::load)) {
                report = MeterTemplateTraining.run(files, new RenderedHearing(model, Instrument.PIANO, NoteCreation.Settings.defaults(), work),
                        System.out::println);
            } finally {
                Files.deleteIfExists(work);
            }
        } else {
            report = MeterTemplateTraining.run(files, System.out::println);
        }
        report.counts().trainedOn.put("command", heard ? "kantor train meter --heard --out FILE" : "kantor train meter --out FILE");
        report.counts().trainedOn.put("data", "bach-chorales-musicxml, openscore-lieder (whole songs and piano parts), "
                + "openscore-quartets; train split of PieceSplit; single-meter pieces in 3/4, 4/4, 9/8 and 12/8 with regular bars (2/4 and 6/8 are written as 4/4 and 12/8)"
                + (heard ? "; every other training piece and every held-out piece, its first 30 s played on FluidR3_GM's piano by FluidSynth and heard by Basic Pitch (default settings), "
                        + "counted against the score's true beats" : ""));
        report.counts().trainedOn.put("heldOut", report.describe().trim());
        AtomicFiles.write(out, report.counts().toJson().getBytes(StandardCharsets.UTF_8));
        System.out.print(report.describe());
        System.out.println("wrote " + out);
        return Kantor.EXIT_OK;
    }
}
