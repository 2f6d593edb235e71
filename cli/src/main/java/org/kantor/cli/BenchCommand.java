package org.kantor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kantor bench}: benchmarks that print figures (medians of several runs). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print figures: medians over several runs.",
        subcommands = {BenchIoCommand.class, BenchHarmonizeCommand.class, BenchServeCommand.class, BenchTranscribeCommand.class, BenchMelodyCommand.class, BenchDrumsCommand.class, BenchStartupCommand.class, BenchSoakCommand.class, BenchStudioCommand.class, CommandLine.HelpCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
