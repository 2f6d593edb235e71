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
    var notes = melodyNotes(events);
    var origin = selectionStart(measureStarts, notes.length > 0 ? notes[0].tick : 0);
    var request = frame(measureStarts, keyFifths, origin);
    request.notes = shifted(notes, origin);
    copyOptions(request, options);
    request.origin = origin;
    return request;
}

// The melody of a voice's events, in absolute ticks: a chord gives its top note, a note tied from the
// one before lengthens it, rests are left out.
function melodyNotes(events) {
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
    return notes;
}

// The first tick of the measure that holds tick.
function selectionStart(measureStarts, tick) {
    var start = 0;
    for (var m = 0; m < measureStarts.length; m++) {
        if (measureStarts[m] <= tick) {
            start = measureStarts[m];
        }
    }
    return start;
}

// Meter, key and pickup of music sent from the measure starting at origin.
function frame(measureStarts, keyFifths, origin) {
    var full = measureStarts.length > 2 ? measureStarts[2] - measureStarts[1]
        : (measureStarts.length > 1 ? measureStarts[1] - measureStarts[0] : 4 * TICKS_PER_QUARTER);
    var first = measureStarts.length > 1 ? measureStarts[1] - measureStarts[0] : full;
    return {
        timeSignature: meterOfMeasure(full),
        keyFifths: keyFifths,
        pickupTicks: origin === measureStarts[0] && first < full ? first : 0
    };
}

function shifted(notes, origin) {
    var out = [];
    for (var i = 0; i < notes.length; i++) {
        out.push({tick: notes[i].tick - origin, ticks: notes[i].ticks, pitch: notes[i].pitch, tpc: notes[i].tpc});
    }
    return out;
}

function copyOptions(request, options) {
    for (var name in options) {
        if (options.hasOwnProperty(name) && options[name] !== undefined && options[name] !== null) {
            request[name] = options[name];
        }
    }
}

// Check: the four voices of the selection, from where they are written. voiceEvents: {soprano: events, ...}.
function checkRequest(voiceEvents, measureStarts, keyFifths, options) {
    var names = ["soprano", "alto", "tenor", "bass"];
    var melodies = {};
    var earliest = -1;
    for (var i = 0; i < names.length; i++) {
        melodies[names[i]] = melodyNotes(voiceEvents[names[i]] || []);
        if (melodies[names[i]].length > 0 && (earliest < 0 || melodies[names[i]][0].tick < earliest)) {
            earliest = melodies[names[i]][0].tick;
        }
    }
    var origin = selectionStart(measureStarts, Math.max(0, earliest));
    var request = frame(measureStarts, keyFifths, origin);
    request.voices = {};
    for (var j = 0; j < names.length; j++) {
        request.voices[names[j]] = shifted(melodies[names[j]], origin);
    }
    copyOptions(request, options);
    request.origin = origin;
    return request;
}

// Where soprano, alto, tenor and bass are written, from the top staff of the selection: four staves
// (voice 1 of each), or two staves with two voices each (closed score) when the top staff has a second
// voice or there are not four staves from there. null when there is not even a staff below.
function fourVoiceTracks(staff, staves, topStaffHasSecondVoice) {
    if (!topStaffHasSecondVoice && staff + 3 < staves) {
        return {soprano: staff * 4, alto: (staff + 1) * 4, tenor: (staff + 2) * 4, bass: (staff + 3) * 4};
    }
    if (staff + 1 < staves) {
        return {soprano: staff * 4, alto: staff * 4 + 1, tenor: (staff + 1) * 4, bass: (staff + 1) * 4 + 1};
    }
    return null;
}

// The checker's findings as marks for the score: at a finding's tick on the track of its first voice,
// a short text (the rule), and the voices whose notes to colour there. origin: where the sent music began.
function findingMarks(answer, tracks, origin) {
    var marks = [];
    for (var i = 0; i < answer.findings.length; i++) {
        var f = answer.findings[i];
        var colour = [];
        for (var v = 0; v < f.voices.length; v++) {
            if (tracks[f.voices[v]] !== undefined) {
                colour.push(tracks[f.voices[v]]);
            }
        }
        if (colour.length === 0) {
            continue;
        }
        marks.push({tick: origin + f.tick, track: colour[0], text: f.rule.replace(/-/g, " "), colour: colour,
            error: f.severity === "error", message: f.message});
    }
    return marks;
}

// The findings as lines for the plugin's log: "m. 3: parallel fifths between ..." counted from the measures.
function findingLines(answer, measureStarts, origin) {
    var lines = [answer.key + ": " + answer.errors + (answer.errors === 1 ? " error, " : " errors, ") + answer.warnings
        + (answer.warnings === 1 ? " warning" : " warnings")];
    for (var i = 0; i < answer.findings.length; i++) {
        var tick = origin + answer.findings[i].tick;
        var measure = 0;
        for (var m = 0; m < measureStarts.length; m++) {
            if (measureStarts[m] <= tick) {
                measure = m + 1;
            }
        }
        lines.push("measure " + measure + ": " + answer.findings[i].message);
    }
    return lines;
}

// Generate and Interpolate write into selected measures: how many measures the selection spans, from the
// measure starts and the selection's first and end ticks.
function measuresBetween(measureStarts, startTick, endTick) {
    var count = 0;
    for (var m = 0; m < measureStarts.length; m++) {
        if (measureStarts[m] >= startTick && measureStarts[m] < endTick) {
            count++;
        }
    }
    return count;
}

// Interpolate: the notes of the first two and the last two measures of a selection of n measures, each
// counted from its own first measure, and the steps that fit between (two measures each); null when
// the selection is too short or leaves an odd number of measures between.
function interpolationRequest(events, measureStarts, firstMeasure, count, keyFifths) {
    if (count < 6 || (count - 4) % 2 !== 0) {
        return null;
    }
    var notes = melodyNotes(events);
    var startA = measureStarts[firstMeasure];
    var endA = measureStarts[firstMeasure + 2];
    var startB = measureStarts[firstMeasure + count - 2];
    var endB = firstMeasure + count < measureStarts.length ? measureStarts[firstMeasure + count] : Number.MAX_VALUE;
    var first = [];
    var second = [];
    for (var i = 0; i < notes.length; i++) {
        var n = notes[i];
        if (n.tick >= startA && n.tick < endA) {
            first.push({tick: n.tick - startA, ticks: Math.min(n.ticks, endA - n.tick), pitch: n.pitch, tpc: n.tpc});
        } else if (n.tick >= startB && n.tick < endB) {
            second.push({tick: n.tick - startB, ticks: Math.min(n.ticks, endB - n.tick), pitch: n.pitch, tpc: n.tpc});
        }
    }
    var request = frame(measureStarts, keyFifths, startA);
    request.pickupTicks = 0;
    request.first = first;
    request.second = second;
    request.steps = (count - 4) / 2;
    request.origin = endA;
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
        if (track !== undefined) {
            written += applyNotes(voice.notes, track, origin, writer);
        }
    }
    return written;
}

// Writes notes on one track, in time order, from origin. Returns the notes written.
function applyNotes(notes, track, origin, writer) {
    var sorted = notes.slice().sort(function (a, b) { return a.tick - b.tick; });
    for (var j = 0; j < sorted.length; j++) {
        var n = sorted[j];
        var d = durationFraction(n.ticks);
        writer.moveTo(track, origin + n.tick);
        writer.setDuration(d.numerator, d.denominator);
        writer.addNote(n.pitch, n.tpc);
    }
    return sorted.length;
}

// What MuseScore's cursor reads, as events: from where the cursor stands to endTick (-1: the end), on
// its track. types: {chord, rest}, MuseScore's Element.CHORD and Element.REST.
function readEvents(cursor, endTick, types) {
    var events = [];
    while (cursor.segment && (endTick < 0 || cursor.tick < endTick)) {
        var e = cursor.element;
        if (e && e.type === types.chord) {
            var notes = [];
            for (var i = 0; i < e.notes.length; i++) {
                notes.push({pitch: e.notes[i].pitch, tpc: e.notes[i].tpc, tieBack: e.notes[i].tieBack !== null});
            }
            events.push({tick: cursor.tick, ticks: e.actualDuration.ticks, notes: notes});
        } else if (e && e.type === types.rest) {
            events.push({tick: cursor.tick, ticks: e.actualDuration.ticks, rest: true});
        }
        cursor.next();
    }
    return events;
}

// The first tick of every measure of a score.
function measureStartsOf(score) {
    var starts = [];
    for (var m = score.firstMeasure; m; m = m.nextMeasure) {
        starts.push(m.firstSegment.tick);
    }
    return starts;
}

if (typeof module !== "undefined") {
    module.exports = {durationFraction: durationFraction, meterOfMeasure: meterOfMeasure, noteListRequest: noteListRequest,
        targetTracks: targetTracks, applyVoices: applyVoices, applyNotes: applyNotes, melodyNotes: melodyNotes,
        checkRequest: checkRequest, fourVoiceTracks: fourVoiceTracks, findingMarks: findingMarks, findingLines: findingLines,
        measuresBetween: measuresBetween, interpolationRequest: interpolationRequest, readEvents: readEvents,
        measureStartsOf: measureStartsOf, frame: frame};
}
