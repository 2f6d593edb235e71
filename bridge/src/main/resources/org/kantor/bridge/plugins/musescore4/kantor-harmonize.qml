// MuseScore 4: Plugins > Kantor > Harmonize. Reads the selected melody with the cursor, asks the local
// Kantor server for alto, tenor and bass, and writes them with the cursor (the logic is in
// kantor-notes.js, tested with node; this file only talks to MuseScore).
import QtQuick 2.0
import MuseScore 3.0
import "kantor.js" as Kantor
import "kantor-notes.js" as Notes

MuseScore {
    menuPath: "Plugins.Kantor.Harmonize"
    title: "Kantor: Harmonize"
    description: "Add alto, tenor and bass to the selected melody (Bach chorale style)"
    version: "1.0"
    requiresScore: true

    // the written time signature, when this MuseScore version exposes it; else the server guesses from measure lengths
    function timeSignature() {
        try {
            for (var s = curScore.firstMeasure.firstSegment; s; s = s.next) {
                var e = s.elementAt(0);
                if (e && e.type === Element.TIMESIG && e.timesig) {
                    return e.timesig.numerator + "/" + e.timesig.denominator;
                }
            }
        } catch (error) {
            console.log("kantor: time signature not readable here: " + error);
        }
        return null;
    }

    onRun: {
        var cursor = curScore.newCursor();
        cursor.rewind(Cursor.SELECTION_START);
        var selected = !!cursor.segment;
        if (!selected) {
            cursor.rewind(Cursor.SCORE_START);
        }
        var staff = cursor.staffIdx;
        var endTick = -1;
        if (selected) {
            cursor.rewind(Cursor.SELECTION_END);
            endTick = cursor.segment ? cursor.tick : -1;
            cursor.rewind(Cursor.SELECTION_START);
        }
        cursor.voice = 0;
        var tracks = Notes.targetTracks(staff, curScore.nstaves);
        if (!tracks) {
            console.log("kantor: add a second staff (bass clef) below the melody for tenor and bass, then try again");
            return;
        }
        var request = Notes.noteListRequest(Notes.readEvents(cursor, endTick, {chord: Element.CHORD, rest: Element.REST}), Notes.measureStartsOf(curScore), cursor.keySignature, {given: "soprano", timeSignature: timeSignature()});
        var origin = request.origin;
        delete request.origin;
        var response = Kantor.send(new XMLHttpRequest(), "POST", "/api/notes/harmonize", JSON.stringify(request), "application/json",
            Kantor.PORT, Kantor.TOKEN);
        var problem = Kantor.problemMessage(response, Kantor.PORT, Kantor.TOKEN_FILE, "Plugins > Kantor > Harmonize");
        if (problem) {
            console.log("kantor: " + problem);
            return;
        }
        var writer = curScore.newCursor();
        curScore.startCmd();
        Notes.applyVoices(JSON.parse(response.text), tracks, origin, {
            moveTo: function (track, tick) { writer.track = track; writer.rewindToTick(tick); },
            setDuration: function (n, d) { writer.setDuration(n, d); },
            addNote: function (pitch, tpc) { writer.addNote(pitch); }
        });
        curScore.endCmd();
    }
}
