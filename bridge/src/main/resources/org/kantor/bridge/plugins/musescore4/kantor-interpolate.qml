// MuseScore 4: Plugins > Kantor > Interpolate. In a selection of measures of one staff, walks from the
// melody of its first two measures to that of its last two and writes the steps (two measures each)
// into the measures between, with the cursor: select 2 + 2 x steps + 2 measures, the middle ones empty.
// Logic in kantor-notes.js, tested with node.
import QtQuick 2.0
import MuseScore 3.0
import "kantor.js" as Kantor
import "kantor-notes.js" as Notes

MuseScore {
    menuPath: "Plugins.Kantor.Interpolate"
    title: "Kantor: Interpolate"
    description: "Fill the measures between the first two and the last two selected measures with a walk from one melody to the other"
    version: "1.0"
    requiresScore: true

    onRun: {
        var cursor = curScore.newCursor();
        cursor.rewind(Cursor.SELECTION_START);
        if (!cursor.segment) {
            console.log("kantor: select a melody's first two measures, empty measures for the steps, and the last two measures");
            return;
        }
        var staff = cursor.staffIdx;
        var startTick = cursor.tick;
        var keyFifths = cursor.keySignature;
        cursor.rewind(Cursor.SELECTION_END);
        var endTick = cursor.segment ? cursor.tick : curScore.lastSegment.tick;
        var starts = Notes.measureStartsOf(curScore);
        var count = Notes.measuresBetween(starts, startTick, endTick);
        var reader = curScore.newCursor();
        reader.track = staff * 4;
        reader.rewindToTick(startTick);
        var events = Notes.readEvents(reader, endTick, {chord: Element.CHORD, rest: Element.REST});
        var request = Notes.interpolationRequest(events, starts, starts.indexOf(startTick), count, keyFifths);
        if (!request) {
            console.log("kantor: " + count + " measures are selected; select 2 + 2 x steps + 2 (6, 8, 10 ...)");
            return;
        }
        var origin = request.origin;
        delete request.origin;
        var response = Kantor.send(new XMLHttpRequest(), "POST", "/api/notes/interpolate", JSON.stringify(request), "application/json",
            Kantor.PORT, Kantor.TOKEN);
        var problem = Kantor.problemMessage(response, Kantor.PORT, Kantor.TOKEN_FILE, "Plugins > Kantor > Interpolate");
        if (problem) {
            console.log("kantor: " + problem);
            return;
        }
        var answer = JSON.parse(response.text);
        var writer = curScore.newCursor();
        curScore.startCmd();
        var written = Notes.applyNotes(answer.notes, staff * 4, origin, {
            moveTo: function (track, tick) { writer.track = track; writer.rewindToTick(tick); },
            setDuration: function (n, d) { writer.setDuration(n, d); },
            addNote: function (pitch, tpc) { writer.addNote(pitch); }
        });
        curScore.endCmd();
        console.log("kantor: " + answer.steps + " steps, " + written + " notes");
    }
}
