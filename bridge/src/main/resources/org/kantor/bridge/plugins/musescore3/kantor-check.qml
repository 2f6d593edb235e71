// Plugins > Kantor > Check Voice Leading: sends the score to the local Kantor server, shows the
// findings, and offers the score with the faults coloured and labelled.
import QtQuick 2.0
import QtQuick.Dialogs 1.2
import MuseScore 3.0
import FileIO 3.0
import "kantor.js" as Kantor

MuseScore {
    menuPath: "Plugins.Kantor.Check Voice Leading"
    description: "Kantor: check four-part writing for parallel fifths and octaves, crossing, spacing, range and resolutions"
    version: "1.0"
    requiresScore: true

    property string xml: ""

    FileIO { id: scratch }
    MessageDialog { id: dialog; title: "Kantor"; onAccepted: Qt.quit() }
    MessageDialog {
        id: findings
        title: "Kantor: voice leading"
        standardButtons: StandardButton.Open | StandardButton.Close
        onAccepted: openAnnotated()
        onRejected: Qt.quit()
    }

    function tell(text) {
        console.log("kantor: " + text);
        if (Kantor.TEST_OUTPUT.length > 0) {
            scratch.source = Kantor.TEST_OUTPUT + ".message.txt";
            scratch.write(text);
            return;
        }
        dialog.text = text;
        dialog.open();
    }

    function post(format) {
        var response = Kantor.send(new XMLHttpRequest(), "POST", "/api/tools/check?format=" + format, xml,
            "application/vnd.recordare.musicxml+xml", Kantor.PORT, Kantor.TOKEN);
        var problem = Kantor.problemMessage(response, Kantor.PORT, Kantor.TOKEN_FILE, "Plugins > Kantor > Check Voice Leading");
        if (problem) {
            tell(problem);
            return null;
        }
        return response.text;
    }

    function openAnnotated() {
        var text = post("musicxml");
        if (text === null) {
            return;
        }
        var output = scratch.tempPath() + "/kantor-" + Date.now() + "-checked.musicxml";
        scratch.source = output;
        scratch.write(text);
        var annotated = readScore(output, true);
        if (Kantor.TEST_OUTPUT.length > 0 && annotated) {
            writeScore(annotated, Kantor.TEST_OUTPUT, "musicxml");
        }
    }

    onRun: {
        var input = scratch.tempPath() + "/kantor-" + Date.now() + "-in.musicxml";
        if (!writeScore(curScore, input, "musicxml")) {
            tell("MuseScore could not export the score to " + input);
            return;
        }
        scratch.source = input;
        xml = scratch.read();
        scratch.remove();
        var text = post("json");
        if (text === null) {
            if (Kantor.TEST_OUTPUT.length > 0) {
                Qt.quit();
            }
            return;
        }
        var summary = Kantor.findingsText(JSON.parse(text), 25);
        console.log("kantor: " + summary.split("\n")[0]);
        if (Kantor.TEST_OUTPUT.length > 0) {
            scratch.source = Kantor.TEST_OUTPUT + ".findings.txt";
            scratch.write(summary);
            openAnnotated();
            Qt.quit();
            return;
        }
        findings.text = summary + "\n\nOpen the score with the faults marked?";
        findings.open();
    }
}
