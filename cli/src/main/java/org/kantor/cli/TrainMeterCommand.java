package org.kantor.cli;

import org.kantor.models.transcription.MeterTemplateTraining;
import org.kantor.musicxml.AtomicFiles;
import org.kantor.musicxml.KantorData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
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

    @Override
    public Integer call() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String corpus : List.of("bach-chorales-musicxml", "openscore-lieder", "openscore-quartets")) {
            files.addAll(KantorData.scoreFiles(SharedData.require(corpus)));
        }
        MeterTemplateTraining.Report report = MeterTemplateTraining.run(files, System.out::println);
        report.counts().trainedOn.put("command", "kantor train meter --out FILE");
        report.counts().trainedOn.put("data", "bach-chorales-musicxml, openscore-lieder (whole songs and piano parts), "
                + "openscore-quartets; train split of PieceSplit; single-meter pieces in 3/4, 4/4, 9/8 and 12/8 with regular bars (2/4 and 6/8 are written as 4/4 and 12/8)");
        report.counts().trainedOn.put("heldOut", report.describe().trim());
        AtomicFiles.write(out, report.counts().toJson().getBytes(StandardCharsets.UTF_8));
        System.out.print(report.describe());
        System.out.println("wrote " + out);
        return Kantor.EXIT_OK;
    }
}
