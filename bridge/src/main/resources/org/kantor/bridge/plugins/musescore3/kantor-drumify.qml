// Plugins > Kantor > Drumify: sends the score to the local Kantor server and opens it again with a
// drum-set part that follows its rhythm. With a selection, the drums follow the selected part only.
import QtQuick 2.0
import QtQuick.Dialogs 1.2
import MuseScore 3.0
import FileIO 3.0
import "kantor.js" as Kantor

MuseScore {
    menuPath: "Plugins.Kantor.Drumify"
    description: "Kantor: add a drum part that fits the rhythm of the score (or of the selected part), as a drummer would play it"
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

    // The part (from 1) of the first selected staff, or 0 without a selection.
    function selectedPart(score) {
        var cursor = score.newCursor();
        cursor.rewind(1);
        if (!cursor.segment) {
            return 0;
        }
        var tracks = [];
        for (var i = 0; i < score.parts.length; i++) {
            tracks.push(score.parts[i].startTrack);
        }
        return Kantor.partOfTrack(tracks, cursor.staffIdx * 4);
    }

    onRun: {
        var stamp = Date.now();
        var input = scratch.tempPath() + "/kantor-" + stamp + "-in.musicxml";
        var output = scratch.tempPath() + "/kantor-" + stamp + "-drums.musicxml";
        if (!writeScore(curScore, input, "musicxml")) {
            tell("MuseScore could not export the score to " + input);
            return;
        }
        scratch.source = input;
        var xml = scratch.read();
        scratch.remove();
        var path = "/api/tools/drumify";
        var part = selectedPart(curScore);
        if (part > 0) {
            path += "?part=" + part;
        }
        var response = Kantor.send(new XMLHttpRequest(), "POST", path, xml, "application/vnd.recordare.musicxml+xml", Kantor.PORT, Kantor.TOKEN);
        var problem = Kantor.problemMessage(response, Kantor.PORT, Kantor.TOKEN_FILE, "Plugins > Kantor > Drumify");
        if (problem) {
            tell(problem);
            return;
        }
        scratch.source = output;
        scratch.write(response.text);
        var drummed = readScore(output, true);
        if (!drummed) {
            tell("MuseScore could not open the score with drums " + output);
            return;
        }
        console.log("kantor: score with drums opened (" + response.text.length + " bytes)");
        if (Kantor.TEST_OUTPUT.length > 0) {
            writeScore(drummed, Kantor.TEST_OUTPUT, "musicxml");
            Qt.quit();
        }
    }
}
