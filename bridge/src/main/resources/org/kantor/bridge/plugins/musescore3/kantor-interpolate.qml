// Plugins > Kantor > Interpolate: walks from the opening two measures of this score's melody to those
// of the other open score, in the number of steps asked for, and opens the walk in a new tab.
import QtQuick 2.0
import QtQuick.Dialogs 1.2
import Qt.labs.settings 1.0
import MuseScore 3.0
import FileIO 3.0
import "kantor.js" as Kantor

MuseScore {
    id: plugin
    menuPath: "Plugins.Kantor.Interpolate"
    description: "Kantor: walk from the opening of this score's melody to the opening of the other open score, in steps"
    version: "1.0"
    requiresScore: true

    property string toolName: "interpolate"
    property string menu: "Plugins > Kantor > Interpolate"
    property var form: null

    FileIO { id: scratch }
    MessageDialog { id: dialog; title: "Kantor"; onAccepted: Qt.quit() }
    Settings { id: memory; category: "Kantor-interpolate"; property string values: "{}" }
    Dialog {
        id: ask
        title: "Kantor: Interpolate"
        standardButtons: StandardButton.Ok | StandardButton.Cancel
        Column { id: formArea; spacing: 8; Text { id: help; width: 420; wrapMode: Text.WordWrap } }
        onAccepted: {
            var values = form.values();
            memory.values = JSON.stringify(values);
            interpolate(values);
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

    // The score to arrive at: the first open score with another name (MuseScore 3 wraps a score anew on
    // every access, so two wrappers of one score are not equal; its name tells them apart).
    function otherScore() {
        for (var i = 0; i < scores.length; i++) {
            if (scores[i].scoreName !== curScore.scoreName) {
                return scores[i];
            }
        }
        return null;
    }

    function exported(score, label) {
        var file = scratch.tempPath() + "/kantor-" + Date.now() + "-" + label + ".musicxml";
        if (!writeScore(score, file, "musicxml")) {
            return null;
        }
        scratch.source = file;
        var xml = scratch.read();
        scratch.remove();
        return xml;
    }

    function interpolate(values) {
        var second = otherScore();
        if (!second) {
            tell("Interpolate walks from this score's opening to another score's opening.\n\nOpen the score to arrive at in a second tab,"
                + " come back to the score to start from, and choose " + menu + " again.");
            return;
        }
        var a = exported(curScore, "a");
        var b = exported(second, "b");
        if (a === null || b === null) {
            tell("MuseScore could not export the two scores");
            return;
        }
        var boundary = "kantor" + Date.now();
        var body = Kantor.multipartBody(boundary, [{field: "file", filename: curScore.scoreName + ".musicxml", text: a},
            {field: "second", filename: second.scoreName + ".musicxml", text: b}]);
        var response = Kantor.send(new XMLHttpRequest(), "POST", "/api/tools/interpolate" + Kantor.queryString(values), body,
            "multipart/form-data; boundary=" + boundary, Kantor.PORT, Kantor.TOKEN);
        var problem = Kantor.problemMessage(response, Kantor.PORT, Kantor.TOKEN_FILE, menu);
        if (problem) {
            tell(problem);
            return;
        }
        var output = scratch.tempPath() + "/kantor-" + Date.now() + "-interpolation.musicxml";
        scratch.source = output;
        scratch.write(response.text);
        var walk = readScore(output, true);
        if (!walk) {
            tell("MuseScore could not open the interpolation " + output);
            return;
        }
        console.log("kantor: interpolation opened (" + response.text.length + " bytes)");
        if (Kantor.TEST_OUTPUT.length > 0) {
            writeScore(walk, Kantor.TEST_OUTPUT, "musicxml");
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
        form = Qt.createQmlObject(Kantor.dialogQml(Kantor.dialogFields(tool, JSON.parse(memory.values), ["seed"])), formArea, "form");
        if (Kantor.TEST_OUTPUT.length > 0) {
            interpolate(form.values());
            return;
        }
        ask.open();
    }
}
