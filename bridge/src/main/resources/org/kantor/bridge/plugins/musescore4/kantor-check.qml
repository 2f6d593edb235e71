// MuseScore 4: Plugins > Kantor > Check Voice Leading. Reads soprano, alto, tenor and bass of the
// selection (or the whole score) with the cursor, from four staves or from two staves with two voices
// each, asks the local Kantor server's checker, and marks each fault in the score: the notes concerned
// coloured (red for errors, orange for warnings) and the rule written above as staff text. The findings
// are also listed in the plugin log. Logic in kantor-notes.js, tested with node.
import QtQuick 2.0
import MuseScore 3.0
import "kantor.js" as Kantor
import "kantor-notes.js" as Notes

MuseScore {
    menuPath: "Plugins.Kantor.Check Voice Leading"
    title: "Kantor: Check Voice Leading"
    description: "Mark the voice-leading faults of four-part writing (parallel fifths and octaves, spacing, ranges ...)"
    version: "1.0"
    requiresScore: true

    function readVoice(track, startTick, endTick) {
        var cursor = curScore.newCursor();
        cursor.track = track;
        cursor.rewindToTick(startTick);
        return Notes.readEvents(cursor, endTick, {chord: Element.CHORD, rest: Element.REST});
    }

    onRun: {
        var cursor = curScore.newCursor();
        cursor.rewind(Cursor.SELECTION_START);
        var selected = !!cursor.segment;
        var staff = selected ? cursor.staffIdx : 0;
        var startTick = selected ? cursor.tick : 0;
        var endTick = -1;
        if (selected) {
            cursor.rewind(Cursor.SELECTION_END);
            endTick = cursor.segment ? cursor.tick : -1;
        }
        var secondVoice = readVoice(staff * 4 + 1, startTick, endTick).length > 0;
        var tracks = Notes.fourVoiceTracks(staff, curScore.nstaves, secondVoice);
        if (!tracks) {
            console.log("kantor: the checker needs four voices: four staves, or two staves with two voices each");
            return;
        }
        var voices = {};
        for (var name in tracks) {
            voices[name] = readVoice(tracks[name], startTick, endTick);
        }
        var starts = Notes.measureStartsOf(curScore);
        var request = Notes.checkRequest(voices, starts, cursor.keySignature, {});
        var origin = request.origin;
        delete request.origin;
        var response = Kantor.send(new XMLHttpRequest(), "POST", "/api/notes/check", JSON.stringify(request), "application/json",
            Kantor.PORT, Kantor.TOKEN);
        var problem = Kantor.problemMessage(response, Kantor.PORT, Kantor.TOKEN_FILE, "Plugins > Kantor > Check Voice Leading");
        if (problem) {
            console.log("kantor: " + problem);
            return;
        }
        var answer = JSON.parse(response.text);
        var lines = Notes.findingLines(answer, starts, origin);
        for (var l = 0; l < lines.length; l++) {
            console.log("kantor: " + lines[l]);
        }
        var marks = Notes.findingMarks(answer, tracks, origin);
        var writer = curScore.newCursor();
        curScore.startCmd();
        for (var i = 0; i < marks.length; i++) {
            var mark = marks[i];
            for (var c = 0; c < mark.colour.length; c++) {
                writer.track = mark.colour[c];
                writer.rewindToTick(mark.tick);
                var chord = writer.element;
                if (chord && chord.type === Element.CHORD) {
                    for (var n = 0; n < chord.notes.length; n++) {
                        chord.notes[n].color = mark.error ? "#d00000" : "#e07000";
                    }
                }
            }
            writer.track = mark.track;
            writer.rewindToTick(mark.tick);
            var text = newElement(Element.STAFF_TEXT);
            text.text = mark.text;
            writer.add(text);
        }
        curScore.endCmd();
    }
}
