package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kantor.bridge.PluginInstaller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kantor plugin}: the MuseScore plugins. */
@Command(name = "plugin", mixinStandardHelpOptions = true, description = "Install Kantor's MuseScore plugins.",
        subcommands = PluginCommand.Install.class)
final class PluginCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Copy the Kantor plugin into MuseScore's plugin folder, with the server's port and token filled in.",
                "MuseScore 3: Plugins > Kantor > Harmonize and Check Voice Leading; MuseScore 4: Plugins > Kantor > Harmonize.",
                "Then enable them in MuseScore (Plugins > Plugin Manager), and run kantor serve while you use them."})
    static final class Install implements Callable<Integer> {

        @Option(names = "--musescore", defaultValue = "3", paramLabel = "3|4", description = "MuseScore's major version (default ${DEFAULT-VALUE}).")
        int musescore;

        @Option(names = "--dir", paramLabel = "DIR", description = "MuseScore's plugin folder (default: ~/Documents/MuseScore3/Plugins or .../MuseScore4/Plugins).")
        Path dir;

        @Option(names = "--port", defaultValue = "7771", paramLabel = "PORT", description = "The port kantor serve listens on (default ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--token-file", paramLabel = "PATH", description = "The server's token file (default: ~/.config/kantor/token; made if missing).")
        Path tokenFile;

        @Option(names = "--test-output", hidden = true, paramLabel = "PATH", description = "Tests: save what the plugin opens there and quit.")
        String testOutput;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (musescore != 3 && musescore != 4) {
                throw new Kantor.UserError("--musescore takes 3 or 4, not " + musescore);
            }
            if (port < 1 || port > 65535) {
                throw new Kantor.UserError("--port must be between 1 and 65535");
            }
            Path tokens = ServerToken.file(tokenFile);
            String token = ServerToken.read(tokens);
            Path folder = dir != null ? dir : PluginInstaller.defaultFolder(musescore);
            List<Path> written;
            try {
                written = PluginInstaller.install(musescore, folder, port, token, tokens, testOutput == null ? "" : testOutput);
            } catch (java.io.IOException e) {
                throw new Kantor.UserError("cannot write the plugin into " + folder + ": " + e.getMessage(), Kantor.EXIT_BAD_INPUT);
            }
            out.println("Installed the Kantor plugin for MuseScore " + musescore + " in " + written.get(0).getParent());
            out.println("Next: in MuseScore, Plugins > Plugin Manager: enable the Kantor plugins; then run 'kantor serve"
                    + (port == 7771 ? "" : " --port " + port) + "' and use Plugins > Kantor.");
            return Kantor.EXIT_OK;
        }
    }
}
