package org.kantor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kantor train}: trains Kantor's models from the shared data (hours on a CPU; resumable). */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a model from the shared data. Runs are resumable.",
        subcommands = {TrainHarmonizerCommand.class, TrainMelodyCommand.class, TrainDrumsCommand.class, TrainMeterCommand.class, CommandLine.HelpCommand.class})
final class TrainCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
