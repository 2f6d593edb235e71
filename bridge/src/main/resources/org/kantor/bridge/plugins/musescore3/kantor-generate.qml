// Plugins > Kantor > Generate: asks for the length, key and meter (the parameters of the server's
// Generate tool) and opens a new melody in a new tab. Needs no open score.
import QtQuick 2.0
import QtQuick.Dialogs 1.2
import Qt.labs.settings 1.0
import MuseScore 3.0
import FileIO 3.0
import "kantor.js" as Kantor

MuseScore {
    id: plugin
    menuPath: "Plugins.Kantor.Generate"
    description: "Kantor: write a new melody in the key and meter you choose, in a new score"
    version: "1.0"
    requiresScore: false

    property string toolName: "generate"
    property string menu: "Plugins > Kantor > Generate"
    property var form: null

    FileIO { id: scratch }
    MessageDialog { id: dialog; title: "Kantor"; onAccepted: Qt.quit() }
    Settings { id: memory; category: "Kantor-generate"; property string values: "{}" }
    Dialog {
        id: ask
        title: "Kantor: Generate"
        standardButtons: StandardButton.Ok | StandardButton.Cancel
        Column { id: formArea; spacing: 8; Text { id: help; width: 420; wrapMode: Text.WordWrap } }
        onAccepted: {
            var values = form.values();
            memory.values = JSON.stringify(values);
            generate(values);
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

    function generate(values) {
        var output = scratch.tempPath() + "/kantor-" + Date.now() + "-melody.musicxml";
        var response = Kantor.send(new XMLHttpRequest(), "POST", "/api/tools/generate" + Kantor.queryString(values), null, null,
            Kantor.PORT, Kantor.TOKEN);
        var problem = Kantor.problemMessage(response, Kantor.PORT, Kantor.TOKEN_FILE, menu);
        if (problem) {
            tell(problem);
            return;
        }
        scratch.source = output;
        scratch.write(response.text);
        var melody = readScore(output, true);
        if (!melody) {
            tell("MuseScore could not open the new melody " + output);
            return;
        }
        console.log("kantor: new melody opened (" + response.text.length + " bytes)");
        if (Kantor.TEST_OUTPUT.length > 0) {
            writeScore(melody, Kantor.TEST_OUTPUT, "musicxml");
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
            generate(form.values());
            return;
        }
        ask.open();
    }
}
