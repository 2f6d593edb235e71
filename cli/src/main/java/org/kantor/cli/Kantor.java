package org.kantor.cli;

import java.io.PrintWriter;
import org.kantor.tools.catalog.ToolInputException;
import org.kantor.musicxml.ScoreFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code kantor} command: one subcommand per tool. */
@Command(name = "kantor", mixinStandardHelpOptions = true, versionProvider = Kantor.Version.class,
        description = "AI tools for people who write sheet music: read, convert, harmonize, check, continue, generate,"
                + " transcribe, drumify and groove scores.",
        subcommands = {InfoCommand.class, ConvertCommand.class, HarmonizeCommand.class, ContinueCommand.class, GenerateCommand.class, InterpolateCommand.class, CheckCommand.class, TranscribeCommand.class, DrumifyCommand.class, GrooveCommand.class, BatchHintCommand.class, ServeCommand.class, StudioCommand.class, PlayCommand.class, PluginCommand.class, TrainCommand.class, EvalCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  a score could not be read or written (the message names the file)",
                  "  2  wrong usage: unknown option, missing or invalid argument", "  3  unexpected internal error (run with --verbose and report it)"})
public final class Kantor implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_INPUT = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERNAL = 3;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line with the given output streams and returns the exit code; used by main and by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Kantor kantor = new Kantor();
        CommandLine cli = new CommandLine(kantor);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("kantor: " + e.getMessage());
            err.println("Run 'kantor " + commandPath(e.getCommandLine()) + "--help' for usage.");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (kantor.verbose) {
                e.printStackTrace(err);
            }
            if (e instanceof ToolInputException t) {
                err.println("kantor: " + t.getMessage());
                return t.kind() == ToolInputException.Kind.PARAMETER ? EXIT_USAGE : EXIT_BAD_INPUT;
            }
            if (e instanceof ScoreFileException || e instanceof UserError) {
                err.println("kantor: " + e.getMessage());
                return e instanceof UserError u ? u.exitCode : EXIT_BAD_INPUT;
            }
            err.println("kantor: internal error: " + e + (kantor.verbose ? "" : " (run with --verbose for details)"));
            return EXIT_INTERNAL;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String commandPath(CommandLine c) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine x = c; x != null && x.getParent() != null; x = x.getParent()) {
            sb.insert(0, x.getCommandName() + " ");
        }
        return sb.toString();
    }

    /** A problem the user can fix, reported on one line with its own exit code. */
    public static final class UserError extends RuntimeException {
        final int exitCode;

        public UserError(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        public UserError(String message) {
            this(message, EXIT_USAGE);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Kantor.class.getPackage().getImplementationVersion();
            return new String[] {"kantor " + (v == null ? "development build" : v)};
        }
    }
}
