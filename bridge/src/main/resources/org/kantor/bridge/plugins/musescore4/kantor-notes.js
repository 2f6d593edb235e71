// MuseScore 4 has no writeScore/readScore for plugins: the melody goes to Kantor as a note list read
// with the cursor, and the new voices come back as note lists written with the cursor. These are the
// parts of that exchange that need no MuseScore, so node can test them. Plain ES5.

var TICKS_PER_QUARTER = 480;
var TICKS_PER_WHOLE = 4 * TICKS_PER_QUARTER;

function gcd(a, b) {
    return b === 0 ? a : gcd(b, a % b);
}

// A length in ticks as the fraction of a whole note that cursor.setDuration takes.
function durationFraction(ticks) {
    var g = gcd(ticks, TICKS_PER_WHOLE);
    return {numerator: ticks / g, denominator: TICKS_PER_WHOLE / g};
}

// The meter from the length of a full measure in ticks, when the time signature itself cannot be read:
// simple meters of 2 to 5 quarters (3/4 rather than 6/8, which has the same length), else compound.
function meterOfMeasure(ticks) {
    var quarters = ticks / TICKS_PER_QUARTER;
    if (quarters === Math.floor(quarters) && quarters >= 2 && quarters <= 5) {
        return quarters + "/4";
    }
    var eighths = ticks / (TICKS_PER_QUARTER / 2);
    if (eighths === Math.floor(eighths)) {
        return eighths + "/8";
    }
    return (ticks / (TICKS_PER_QUARTER / 4)) + "/16";
}

// The request body from what the cursor read on the melody's staff, voice 1. events: in order,
// {tick, ticks, rest, notes: [{pitch, tpc, tieBack}]}; a chord gives its top note (the melody);
// a note tied from the one before lengthens it. measureStarts: first tick of every measure. options
// (given, seed, temperature, and timeSignature when the plugin could read it) are copied in.
function noteListRequest(events, measureStarts, keyFifths, options) {
    var notes = [];
    for (var i = 0; i < events.length; i++) {
        var e = events[i];
        if (e.rest || !e.notes || e.notes.length === 0) {
            continue;
        }
        var top = e.notes[0];
        for (var j = 1; j < e.notes.length; j++) {
            if (e.notes[j].pitch > top.pitch) {
                top = e.notes[j];
            }
        }
        var previous = notes.length > 0 ? notes[notes.length - 1] : null;
        if (top.tieBack && previous && previous.pitch === top.pitch && previous.tick + previous.ticks === e.tick) {
            previous.ticks += e.ticks;
            continue;
        }
        notes.push({tick: e.tick, ticks: e.ticks, pitch: top.pitch, tpc: top.tpc});
    }
    var full = measureStarts.length > 2 ? measureStarts[2] - measureStarts[1]
        : (measureStarts.length > 1 ? measureStarts[1] - measureStarts[0] : 4 * TICKS_PER_QUARTER);
    var first = measureStarts.length > 1 ? measureStarts[1] - measureStarts[0] : full;
    var origin = notes.length > 0 ? notes[0].tick : 0;
    // the melody as the server sees it starts at the selection's first measure
    var startOfSelection = 0;
    for (var m = 0; m < measureStarts.length; m++) {
        if (measureStarts[m] <= origin) {
            startOfSelection = measureStarts[m];
        }
    }
    for (var k = 0; k < notes.length; k++) {
        notes[k].tick -= startOfSelection;
    }
    var request = {
        timeSignature: meterOfMeasure(full),
        keyFifths: keyFifths,
        pickupTicks: startOfSelection === measureStarts[0] && first < full ? first : 0,
        notes: notes
    };
    for (var name in options) {
        if (options.hasOwnProperty(name) && options[name] !== undefined && options[name] !== null) {
            request[name] = options[name];
        }
    }
    request.origin = startOfSelection;
    return request;
}

// Where the new voices go, as MuseScore tracks (staff * 4 + voice): alto as voice 2 of the melody's
// staff, tenor and bass as voices 1 and 2 of the staff below; null when there is no staff below.
function targetTracks(melodyStaff, staves) {
    if (melodyStaff + 1 >= staves) {
        return null;
    }
    return {alto: melodyStaff * 4 + 1, tenor: (melodyStaff + 1) * 4, bass: (melodyStaff + 1) * 4 + 1};
}

// Writes the server's answer through writer: {moveTo(track, tick), setDuration(numerator, denominator),
// addNote(pitch, tpc)}. origin: the tick where the sent melody started. Returns the notes written.
function applyVoices(answer, tracks, origin, writer) {
    var written = 0;
    for (var i = 0; i < answer.voices.length; i++) {
        var voice = answer.voices[i];
        var track = tracks[voice.voice];
        if (track === undefined) {
            continue;
        }
        var notes = voice.notes.slice().sort(function (a, b) { return a.tick - b.tick; });
        for (var j = 0; j < notes.length; j++) {
            var n = notes[j];
            var d = durationFraction(n.ticks);
            writer.moveTo(track, origin + n.tick);
            writer.setDuration(d.numerator, d.denominator);
            writer.addNote(n.pitch, n.tpc);
            written++;
        }
    }
    return written;
}

if (typeof module !== "undefined") {
    module.exports = {durationFraction: durationFraction, meterOfMeasure: meterOfMeasure, noteListRequest: noteListRequest,
        targetTracks: targetTracks, applyVoices: applyVoices};
}
