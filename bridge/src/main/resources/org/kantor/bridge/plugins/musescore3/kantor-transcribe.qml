// Plugins > Kantor > Transcribe: asks for a recording (WAV, FLAC, MP3, Ogg Vorbis) or a MIDI file and
// the transcription's settings, and opens the score Kantor writes of it in a new tab.
import QtQuick 2.0
import QtQuick.Dialogs 1.2
import Qt.labs.settings 1.0
import MuseScore 3.0
import FileIO 3.0
import "kantor.js" as Kantor

MuseScore {
    id: plugin
    menuPath: "Plugins.Kantor.Transcribe"
    description: "Kantor: write down a recording or a MIDI performance as a score, in a new tab"
    version: "1.0"
    requiresScore: false

    property string toolName: "transcribe"
    property string menu: "Plugins > Kantor > Transcribe"
    property var form: null

    FileIO { id: scratch }
    MessageDialog { id: dialog; title: "Kantor"; onAccepted: Qt.quit() }
    Settings { id: memory; category: "Kantor-transcribe"; property string values: "{}" }
    Dialog {
        id: ask
        title: "Kantor: Transcribe"
        standardButtons: StandardButton.Ok | StandardButton.Cancel
        Column { id: formArea; spacing: 8; Text { id: help; width: 420; wrapMode: Text.WordWrap } }
        onAccepted: {
            var values = form.values();
            memory.values = JSON.stringify(values);
            transcribe(values);
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

    // The recording chosen (in test mode: the file the test put beside its output).
    property string recording: ""

    FileDialog {
        id: chooser
        title: "Kantor: choose a recording or MIDI file to transcribe"
        nameFilters: ["Recordings and MIDI (*.wav *.flac *.mp3 *.ogg *.mid *.midi)", "All files (*)"]
        onAccepted: {
            recording = fileUrl.toString();
            ask.open();
        }
        onRejected: Qt.quit()
    }

    function transcribe(values) {
        var read = new XMLHttpRequest();
        read.open("GET", recording, false);
        read.responseType = "arraybuffer";
        read.send();
        if (!read.response || read.response.byteLength === 0) {
            tell("MuseScore could not read " + decodeURIComponent(recording.replace(/^file:\/\//, "")));
            return;
        }
        var name = decodeURIComponent(recording.substring(recording.lastIndexOf("/") + 1));
        var query = Kantor.queryString(values);
        var xhr = new XMLHttpRequest();
        xhr.open("POST", Kantor.baseUrl(Kantor.PORT) + "/api/tools/transcribe" + query, false);
        xhr.setRequestHeader("Authorization", "Bearer " + Kantor.TOKEN);
        xhr.setRequestHeader("Content-Type", "application/octet-stream");
        xhr.send(read.response);
        var response = {status: xhr.status, text: xhr.responseText};
        var problem = Kantor.problemMessage(response, Kantor.PORT, Kantor.TOKEN_FILE, menu);
        if (problem) {
            tell(problem);
            return;
        }
        var output = scratch.tempPath() + "/kantor-" + Date.now() + "-" + name.replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9_-]/g, "_")
            + ".musicxml";
        scratch.source = output;
        scratch.write(response.text);
        var score = readScore(output, true);
        if (!score) {
            tell("MuseScore could not open the transcription " + output);
            return;
        }
        console.log("kantor: transcription opened (" + response.text.length + " bytes)");
        if (Kantor.TEST_OUTPUT.length > 0) {
            writeScore(score, Kantor.TEST_OUTPUT, "musicxml");
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
        form = Qt.createQmlObject(Kantor.dialogQml(Kantor.dialogFields(tool, JSON.parse(memory.values), ["format"])), formArea, "form");
        if (Kantor.TEST_OUTPUT.length > 0) {
            recording = "file://" + Kantor.TEST_OUTPUT + ".recording";
            transcribe(form.values());
            return;
        }
        chooser.open();
    }
}
