// Plugins > Kantor > Harmonize: sends the score to the local Kantor server and opens the harmonized
// score. With a selection in a four-part score, only the selected measures are written anew.
import QtQuick 2.0
import QtQuick.Dialogs 1.2
import MuseScore 3.0
import FileIO 3.0
import "kantor.js" as Kantor

MuseScore {
    menuPath: "Plugins.Kantor.Harmonize"
    description: "Kantor: add alto, tenor and bass to a melody (Bach chorale style), or rewrite the selected measures of a four-part score"
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

    function measureStarts(score) {
        var starts = [];
        for (var m = score.firstMeasure; m; m = m.nextMeasure) {
            starts.push(m.firstSegment.tick);
        }
        return starts;
    }

    function selection(score) {
        var cursor = score.newCursor();
        cursor.rewind(1);
        if (!cursor.segment) {
            return null;
        }
        var start = cursor.tick;
        cursor.rewind(2);
        var end = cursor.segment ? cursor.tick : score.lastSegment.tick + 1;
        return Kantor.selectedBars(measureStarts(score), start, end);
    }

    onRun: {
        var stamp = Date.now();
        var input = scratch.tempPath() + "/kantor-" + stamp + "-in.musicxml";
        var output = scratch.tempPath() + "/kantor-" + stamp + "-harmonized.musicxml";
        if (!writeScore(curScore, input, "musicxml")) {
            tell("MuseScore could not export the score to " + input);
            return;
        }
        scratch.source = input;
        var xml = scratch.read();
        scratch.remove();
        var path = "/api/tools/harmonize";
        var bars = curScore.nstaves >= 2 ? selection(curScore) : null;
        if (bars) {
            path += "?bars=" + bars;
        }
        var response = Kantor.send(new XMLHttpRequest(), "POST", path, xml, "application/vnd.recordare.musicxml+xml", Kantor.PORT, Kantor.TOKEN);
        var problem = Kantor.problemMessage(response, Kantor.PORT, Kantor.TOKEN_FILE, "Plugins > Kantor > Harmonize");
        if (problem) {
            tell(problem);
            return;
        }
        scratch.source = output;
        scratch.write(response.text);
        var harmonized = readScore(output, true);
        if (!harmonized) {
            tell("MuseScore could not open the harmonized score " + output);
            return;
        }
        console.log("kantor: harmonized score opened (" + response.text.length + " bytes)");
        if (Kantor.TEST_OUTPUT.length > 0) {
            writeScore(harmonized, Kantor.TEST_OUTPUT, "musicxml");
            Qt.quit();
        }
    }
}
