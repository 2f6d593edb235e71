// Plugins > Kantor > Groove: sends a score with a drum part to the local Kantor server and opens it
// again with the drums played as a drummer would: the notation unchanged, each stroke's loudness and
// timing set for playback.
import QtQuick 2.0
import QtQuick.Dialogs 1.2
import MuseScore 3.0
import FileIO 3.0
import "kantor.js" as Kantor

MuseScore {
    menuPath: "Plugins.Kantor.Groove"
    description: "Kantor: play the drum part as a drummer would, with its own dynamics and push and drag against the beat"
    version: "1.0"
    requiresScore: true

    FileIO { id: scratch }
    MessageDialog { id: dialog; title: "Kantor"; onAccepted: Qt.quit() }

    function tell(text) {
        console.log("kantor: " + text);
        if (Kantor.TEST_OUTPUT.length > 0) {
            scratch.source = Kantor.TEST_OUTPUT + ".message.txt";
            scratch.write(text);
            Qt.quit();
            return;
        }
        dialog.text = text;
        dialog.open();
    }

    onRun: {
        var stamp = Date.now();
        var input = scratch.tempPath() + "/kantor-" + stamp + "-in.musicxml";
        var output = scratch.tempPath() + "/kantor-" + stamp + "-grooved.musicxml";
        if (!writeScore(curScore, input, "musicxml")) {
            tell("MuseScore could not export the score to " + input);
            return;
        }
        scratch.source = input;
        var xml = scratch.read();
        scratch.remove();
        var response = Kantor.send(new XMLHttpRequest(), "POST", "/api/tools/groove", xml, "application/vnd.recordare.musicxml+xml",
            Kantor.PORT, Kantor.TOKEN);
        var problem = Kantor.problemMessage(response, Kantor.PORT, Kantor.TOKEN_FILE, "Plugins > Kantor > Groove");
        if (problem) {
            tell(problem);
            return;
        }
        scratch.source = output;
        scratch.write(response.text);
        var grooved = readScore(output, true);
        if (!grooved) {
            tell("MuseScore could not open the grooved score " + output);
            return;
        }
        console.log("kantor: grooved score opened (" + response.text.length + " bytes)");
        if (Kantor.TEST_OUTPUT.length > 0) {
            writeScore(grooved, Kantor.TEST_OUTPUT, "musicxml");
            Qt.quit();
        }
    }
}
