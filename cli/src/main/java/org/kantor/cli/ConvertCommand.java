package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;
import org.kantor.musicxml.ScoreFormat;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kantor convert}: between MusicXML, compressed MusicXML and MIDI, many files in one run. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert scores between MusicXML (.musicxml), compressed MusicXML (.mxl) and MIDI (.mid).",
            "MusicXML is written as version 4.0 and keeps everything of the original; MIDI input is notated on a 16th-note grid."})
final class ConvertCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "IN", description = "Scores to convert.")
    List<Path> inputs;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Output file (one input only); its extension sets the format.")
        Path output;

        @Option(names = "--out-dir", paramLabel = "DIR", description = "Folder for the outputs, named after the inputs.")
        Path outDir;
    }

    @Option(names = "--format", paramLabel = "FORMAT", description = "musicxml, mxl or mid (default: from the output's extension, else musicxml).")
    String format;

    @Option(names = "--overwrite", description = "Allow an output to replace an existing file, even an input.")
    boolean overwrite;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScoreFormat explicit = null;
        if (format != null) {
            try {
                explicit = ScoreFormat.parse(format);
            } catch (IllegalArgumentException e) {
                throw new Kantor.UserError(e.getMessage());
            }
        }
        if (target.output != null && inputs.size() > 1) {
            throw new Kantor.UserError("-o names one output file but " + inputs.size() + " inputs were given; use --out-dir DIR for many files");
        }
        if (target.outDir != null && !Files.isDirectory(target.outDir)) {
            if (Files.exists(target.outDir)) {
                throw new Kantor.UserError("--out-dir " + target.outDir + " is a file, not a folder", Kantor.EXIT_BAD_INPUT);
            }
            try {
                Files.createDirectories(target.outDir);
            } catch (java.io.IOException e) {
                throw new Kantor.UserError("the output folder " + target.outDir + " cannot be made (" + e.getMessage() + ")", Kantor.EXIT_BAD_INPUT);
            }
        }
        int failures = 0;
        for (Path input : inputs) {
            try {
                Path output = target.output != null ? target.output : target.outDir.resolve(baseName(input) + "." + (explicit == null ? ScoreFormat.MUSICXML : explicit).extension());
                ScoreFormat fmt = explicit != null ? explicit : ScoreFormat.ofFile(output);
                if (fmt == null) {
                    throw new Kantor.UserError("cannot tell the format of " + output + " from its extension; use --format musicxml|mxl|mid");
                }
                OutputNames.refuseToOverwrite(input, output, overwrite);
                ScoreDocument doc = ScoreFiles.read(input);
                ScoreFiles.write(doc, output, fmt);
                out.println(input + " -> " + output);
            } catch (ScoreFileException e) {
                err.println("kantor: " + e.getMessage());
                failures++;
            }
        }
        if (failures > 0 && inputs.size() > 1) {
            err.println("kantor: " + failures + " of " + inputs.size() + " files could not be converted");
        }
        return failures == 0 ? Kantor.EXIT_OK : Kantor.EXIT_BAD_INPUT;
    }

    private static String baseName(Path p) {
        return p.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    }
}
