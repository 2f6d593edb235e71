// Plugins > Kantor > Continue: asks for the number of measures (and the other parameters of the
// server's Continue tool), sends the score, and opens it again in a new tab with the new measures
// after its end. With a selection, the selected staff's part is continued; the original stays as it was.
import QtQuick 2.0
import QtQuick.Dialogs 1.2
import Qt.labs.settings 1.0
import MuseScore 3.0
import FileIO 3.0
import "kantor.js" as Kantor

MuseScore {
    id: plugin
    menuPath: "Plugins.Kantor.Continue"
    description: "Kantor: write new measures after the end of a melody, in its key and meter (a chorale gets its lower voices too)"
    version: "1.0"
    requiresScore: true

    property string toolName: "continue"
    property string menu: "Plugins > Kantor > Continue"
    property var form: null

    FileIO { id: scratch }
    MessageDialog { id: dialog; title: "Kantor"; onAccepted: Qt.quit() }
    Settings { id: memory; category: "Kantor-continue"; property string values: "{}" }
    Dialog {
        id: ask
        title: "Kantor: Continue"
        standardButtons: StandardButton.Ok | StandardButton.Cancel
        Column { id: formArea; spacing: 8; Text { id: help; width: 420; wrapMode: Text.WordWrap } }
        onAccepted: {
            var values = form.values();
            memory.values = JSON.stringify(values);
            continueScore(values);
        }
        onRejected: Qt.quit()
    }

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

    function continueScore(values) {
        var stamp = Date.now();
        var input = scratch.tempPath() + "/kantor-" + stamp + "-in.musicxml";
        var output = scratch.tempPath() + "/kantor-" + stamp + "-continued.musicxml";
        if (!writeScore(curScore, input, "musicxml")) {
            tell("MuseScore could not export the score to " + input);
            return;
        }
        scratch.source = input;
        var xml = scratch.read();
        scratch.remove();
        var part = selectedPart(curScore);
        if (part > 0) {
            values.part = part;
        }
        var response = Kantor.send(new XMLHttpRequest(), "POST", "/api/tools/continue" + Kantor.queryString(values), xml,
            "application/vnd.recordare.musicxml+xml", Kantor.PORT, Kantor.TOKEN);
        var problem = Kantor.problemMessage(response, Kantor.PORT, Kantor.TOKEN_FILE, menu);
        if (problem) {
            tell(problem);
            return;
        }
        scratch.source = output;
        scratch.write(response.text);
        var continued = readScore(output, true);
        if (!continued) {
            tell("MuseScore could not open the continued score " + output);
            return;
        }
        console.log("kantor: continued score opened (" + response.text.length + " bytes)");
        if (Kantor.TEST_OUTPUT.length > 0) {
            writeScore(continued, Kantor.TEST_OUTPUT, "musicxml");
            Qt.quit();
        }
    }

    onRun: {
        var tools = Kantor.send(new XMLHttpRequest(), "GET", "/api/tools", null, null, Kantor.PORT, Kantor.TOKEN);
        var problem = Kantor.problemMessage(tools, Kantor.PORT, Kantor.TOKEN_FILE, menu);
        if (problem) {
            tell(problem);
            return;
        }
        var tool = Kantor.findTool(tools.text, toolName);
        help.text = tool.description;
        form = Qt.createQmlObject(Kantor.dialogQml(Kantor.dialogFields(tool, JSON.parse(memory.values), ["part", "seed"])), formArea, "form");
        if (Kantor.TEST_OUTPUT.length > 0) {
            continueScore(form.values());
            return;
        }
        ask.open();
    }
}
