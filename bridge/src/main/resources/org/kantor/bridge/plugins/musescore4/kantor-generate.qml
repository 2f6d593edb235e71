// MuseScore 4: Plugins > Kantor > Generate. Writes a new melody into the selected empty measures (2, 4,
// 8 or 16 of them) of one staff, in the key and meter written there, with the cursor. Logic in
// kantor-notes.js, tested with node.
import QtQuick 2.0
import MuseScore 3.0
import "kantor.js" as Kantor
import "kantor-notes.js" as Notes

MuseScore {
    menuPath: "Plugins.Kantor.Generate"
    title: "Kantor: Generate"
    description: "Write a new melody into the selected empty measures (2, 4, 8 or 16)"
    version: "1.0"
    requiresScore: true

    onRun: {
        var cursor = curScore.newCursor();
        cursor.rewind(Cursor.SELECTION_START);
        if (!cursor.segment) {
            console.log("kantor: select 2, 4, 8 or 16 empty measures of a staff, then choose Generate again");
            return;
        }
        var staff = cursor.staffIdx;
        var startTick = cursor.tick;
        var keyFifths = cursor.keySignature;
        cursor.rewind(Cursor.SELECTION_END);
        var endTick = cursor.segment ? cursor.tick : curScore.lastSegment.tick;
        var starts = Notes.measureStartsOf(curScore);
        var count = Notes.measuresBetween(starts, startTick, endTick);
        if ([2, 4, 8, 16].indexOf(count) < 0) {
            console.log("kantor: " + count + " measures are selected; select 2, 4, 8 or 16 empty measures");
            return;
        }
        var request = Notes.frame(starts, keyFifths, startTick);
        request.measures = String(count);
        var response = Kantor.send(new XMLHttpRequest(), "POST", "/api/notes/generate", JSON.stringify(request), "application/json",
            Kantor.PORT, Kantor.TOKEN);
        var problem = Kantor.problemMessage(response, Kantor.PORT, Kantor.TOKEN_FILE, "Plugins > Kantor > Generate");
        if (problem) {
            console.log("kantor: " + problem);
            return;
        }
        var answer = JSON.parse(response.text);
        var writer = curScore.newCursor();
        curScore.startCmd();
        var written = Notes.applyNotes(answer.notes, staff * 4, startTick, {
            moveTo: function (track, tick) { writer.track = track; writer.rewindToTick(tick); },
            setDuration: function (n, d) { writer.setDuration(n, d); },
            addNote: function (pitch, tpc) { writer.addNote(pitch); }
        });
        curScore.endCmd();
        console.log("kantor: a new melody of " + written + " notes (seed " + answer.seed + ")");
    }
}
