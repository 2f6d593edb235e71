package org.kantor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kantor eval}: evaluations of Kantor's models on the shared data's test splits. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate a model on the test split of the shared data.",
        subcommands = {EvalHarmonizerCommand.class, EvalCheckerCommand.class, EvalTranscriptionCommand.class, EvalMelodyCommand.class, EvalDrumsCommand.class, CommandLine.HelpCommand.class})
final class EvalCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
