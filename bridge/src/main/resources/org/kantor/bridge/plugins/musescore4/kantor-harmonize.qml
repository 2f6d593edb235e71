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

    function measureStarts() {
        var starts = [];
        for (var m = curScore.firstMeasure; m; m = m.nextMeasure) {
            starts.push(m.firstSegment.tick);
        }
        return starts;
    }

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

    function readMelody(cursor, endTick) {
        var events = [];
        while (cursor.segment && (endTick < 0 || cursor.tick < endTick)) {
            var e = cursor.element;
            if (e && e.type === Element.CHORD) {
                var notes = [];
                for (var i = 0; i < e.notes.length; i++) {
                    notes.push({pitch: e.notes[i].pitch, tpc: e.notes[i].tpc, tieBack: e.notes[i].tieBack !== null});
                }
                events.push({tick: cursor.tick, ticks: e.actualDuration.ticks, notes: notes});
            } else if (e && e.type === Element.REST) {
                events.push({tick: cursor.tick, ticks: e.actualDuration.ticks, rest: true});
            }
            cursor.next();
        }
        return events;
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
        var request = Notes.noteListRequest(readMelody(cursor, endTick), measureStarts(), cursor.keySignature, {given: "soprano", timeSignature: timeSignature()});
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
