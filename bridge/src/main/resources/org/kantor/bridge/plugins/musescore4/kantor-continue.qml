// MuseScore 4: Plugins > Kantor > Continue. Reads the melody of the selected staff (the first staff
// without a selection) with the cursor, asks the local Kantor server for four more measures in its key
// and meter, appends four measures at the end of the score and writes them there with the cursor.
// Logic in kantor-notes.js, tested with node.
import QtQuick 2.0
import MuseScore 3.0
import "kantor.js" as Kantor
import "kantor-notes.js" as Notes

MuseScore {
    menuPath: "Plugins.Kantor.Continue"
    title: "Kantor: Continue"
    description: "Append four measures that continue the melody of the selected staff, in its key and meter"
    version: "1.0"
    requiresScore: true

    property int measures: 4

    onRun: {
        var cursor = curScore.newCursor();
        cursor.rewind(Cursor.SELECTION_START);
        var staff = cursor.segment ? cursor.staffIdx : 0;
        cursor.staffIdx = staff;
        cursor.voice = 0;
        cursor.rewind(Cursor.SCORE_START);
        var starts = Notes.measureStartsOf(curScore);
        var end = curScore.lastSegment.tick;
        var events = Notes.readEvents(cursor, -1, {chord: Element.CHORD, rest: Element.REST});
        var request = Notes.noteListRequest(events, starts, cursor.keySignature, {measures: measures});
        var origin = request.origin;
        delete request.origin;
        var response = Kantor.send(new XMLHttpRequest(), "POST", "/api/notes/continue", JSON.stringify(request), "application/json",
            Kantor.PORT, Kantor.TOKEN);
        var problem = Kantor.problemMessage(response, Kantor.PORT, Kantor.TOKEN_FILE, "Plugins > Kantor > Continue");
        if (problem) {
            console.log("kantor: " + problem);
            return;
        }
        var answer = JSON.parse(response.text);
        var writer = curScore.newCursor();
        curScore.startCmd();
        curScore.appendMeasures(measures);
        var written = Notes.applyNotes(answer.notes, staff * 4, end, {
            moveTo: function (track, tick) { writer.track = track; writer.rewindToTick(tick); },
            setDuration: function (n, d) { writer.setDuration(n, d); },
            addNote: function (pitch, tpc) { writer.addNote(pitch); }
        });
        curScore.endCmd();
        console.log("kantor: " + written + " notes in " + measures + " new measures (seed " + answer.seed + ")");
    }
}
