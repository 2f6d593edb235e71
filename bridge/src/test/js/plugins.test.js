// Tests of the MuseScore plugins' JavaScript, run by node (MuseScore itself is not needed):
// the MuseScore 4 note-list exchange and the messages and selection logic both plugins share.
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");

const plugins = path.join(__dirname, "..", "..", "main", "resources", "org", "kantor", "bridge", "plugins");
const kantor = require(path.join(plugins, "common", "kantor.js"));
const notes = require(path.join(plugins, "musescore4", "kantor-notes.js"));

test("durations become the fractions cursor.setDuration takes", () => {
    assert.deepStrictEqual(notes.durationFraction(480), {numerator: 1, denominator: 4});
    assert.deepStrictEqual(notes.durationFraction(720), {numerator: 3, denominator: 8});
    assert.deepStrictEqual(notes.durationFraction(1920), {numerator: 1, denominator: 1});
    assert.deepStrictEqual(notes.durationFraction(2400), {numerator: 5, denominator: 4});
    assert.deepStrictEqual(notes.durationFraction(120), {numerator: 1, denominator: 16});
});

test("the meter is read from a full measure's length", () => {
    assert.strictEqual(notes.meterOfMeasure(1920), "4/4");
    assert.strictEqual(notes.meterOfMeasure(1440), "3/4");
    assert.strictEqual(notes.meterOfMeasure(2160), "9/8");
    assert.strictEqual(notes.meterOfMeasure(960), "2/4");
    assert.strictEqual(notes.meterOfMeasure(2880), "12/8");
    assert.strictEqual(notes.meterOfMeasure(1200), "5/8");
});

test("the selection becomes a note list: top notes of chords, ties joined, rests left out, pickup found", () => {
    // a 3/4 melody with a one-beat pickup: measures start at 0, 480, 1920, 3360
    const starts = [0, 480, 1920, 3360];
    const events = [
        {tick: 0, ticks: 480, notes: [{pitch: 62, tpc: 16}]},
        {tick: 480, ticks: 480, notes: [{pitch: 59, tpc: 19}, {pitch: 67, tpc: 15}]},
        {tick: 960, ticks: 480, rest: true},
        {tick: 1440, ticks: 480, notes: [{pitch: 66, tpc: 20}]},
        {tick: 1920, ticks: 960, notes: [{pitch: 66, tpc: 20, tieBack: true}]},
        {tick: 2880, ticks: 480, notes: [{pitch: 64, tpc: 18}]}
    ];
    const request = notes.noteListRequest(events, starts, 2, {given: "soprano", seed: 4});
    assert.strictEqual(notes.noteListRequest(events, starts, 2, {timeSignature: "6/8"}).timeSignature, "6/8");
    assert.strictEqual(request.timeSignature, "3/4");
    assert.strictEqual(request.keyFifths, 2);
    assert.strictEqual(request.pickupTicks, 480);
    assert.strictEqual(request.given, "soprano");
    assert.strictEqual(request.seed, 4);
    assert.deepStrictEqual(request.notes, [
        {tick: 0, ticks: 480, pitch: 62, tpc: 16},
        {tick: 480, ticks: 480, pitch: 67, tpc: 15},
        {tick: 1440, ticks: 1440, pitch: 66, tpc: 20},
        {tick: 2880, ticks: 480, pitch: 64, tpc: 18}
    ]);
    assert.strictEqual(request.origin, 0);
});

test("a selection starting in a later measure is sent from that measure, with no pickup", () => {
    const starts = [0, 1920, 3840, 5760];
    const events = [{tick: 1920 + 480, ticks: 480, notes: [{pitch: 60, tpc: 14}]}];
    const request = notes.noteListRequest(events, starts, 0, {});
    assert.strictEqual(request.origin, 1920);
    assert.strictEqual(request.pickupTicks, 0);
    assert.deepStrictEqual(request.notes, [{tick: 480, ticks: 480, pitch: 60, tpc: 14}]);
});

test("new voices go to voice 2 of the melody's staff and voices 1 and 2 of the staff below", () => {
    assert.deepStrictEqual(notes.targetTracks(0, 2), {alto: 1, tenor: 4, bass: 5});
    assert.deepStrictEqual(notes.targetTracks(1, 3), {alto: 5, tenor: 8, bass: 9});
    assert.strictEqual(notes.targetTracks(0, 1), null);
});

test("the server's answer is written through the cursor, in time order, shifted to the selection", () => {
    const answer = {seed: "1", voices: [
        {voice: "alto", notes: [{tick: 480, ticks: 480, pitch: 62, tpc: 16}, {tick: 0, ticks: 480, pitch: 64, tpc: 18}]},
        {voice: "tenor", notes: [{tick: 0, ticks: 960, pitch: 55, tpc: 15}]},
        {voice: "bass", notes: [{tick: 0, ticks: 1920, pitch: 48, tpc: 14}]}
    ]};
    const calls = [];
    const writer = {
        moveTo: (track, tick) => calls.push(["moveTo", track, tick]),
        setDuration: (n, d) => calls.push(["setDuration", n, d]),
        addNote: (pitch, tpc) => calls.push(["addNote", pitch, tpc])
    };
    const written = notes.applyVoices(answer, {alto: 1, tenor: 4, bass: 5}, 1920, writer);
    assert.strictEqual(written, 4);
    assert.deepStrictEqual(calls, [
        ["moveTo", 1, 1920], ["setDuration", 1, 4], ["addNote", 64, 18],
        ["moveTo", 1, 2400], ["setDuration", 1, 4], ["addNote", 62, 16],
        ["moveTo", 4, 1920], ["setDuration", 1, 2], ["addNote", 55, 15],
        ["moveTo", 5, 1920], ["setDuration", 1, 1], ["addNote", 48, 14]
    ]);
});

test("a dead server, a wrong token and a problem each get a message that says what to do", () => {
    const dead = kantor.problemMessage({status: 0, text: ""}, 7771, "/home/u/.config/kantor/token", "Plugins > Kantor > Harmonize");
    assert.match(dead, /not running on port 7771/);
    assert.match(dead, /kantor serve --port 7771/);
    const token = kantor.problemMessage({status: 401, text: "{}"}, 7771, "/home/u/.config/kantor/token", "x");
    assert.match(token, /kantor plugin install/);
    assert.match(token, /\/home\/u\/\.config\/kantor\/token/);
    const bad = kantor.problemMessage({status: 400, text: JSON.stringify({detail: "measure 3: a tuplet"})}, 7771, "t", "x");
    assert.match(bad, /measure 3: a tuplet/);
    assert.strictEqual(kantor.problemMessage({status: 200, text: "<score/>"}, 7771, "t", "x"), null);
    assert.match(kantor.problemMessage({status: 429, text: "{\"detail\":\"busy\"}"}, 1, "t", "x"), /Try again/);
});

test("a selection's ticks become measure positions", () => {
    const starts = [0, 480, 2400, 4320, 6240];
    assert.strictEqual(kantor.selectedBars(starts, 480, 4320), "2-3");
    assert.strictEqual(kantor.selectedBars(starts, 2400, 2500), "3");
    assert.strictEqual(kantor.selectedBars(starts, 0, 99999), "1-5");
});

test("a selected staff's track names its part", () => {
    // a voice part (tracks 0-3), a piano on two staves (4-11), a cello (12-15)
    const starts = [0, 4, 12];
    assert.strictEqual(kantor.partOfTrack(starts, 0), 1);
    assert.strictEqual(kantor.partOfTrack(starts, 8), 2, "the piano's lower staff is still the piano");
    assert.strictEqual(kantor.partOfTrack(starts, 12), 3);
    assert.strictEqual(kantor.partOfTrack([], 0), 0);
});

test("the checker's findings read as a short list", () => {
    const text = kantor.findingsText({key: "G major", findings: [
        {severity: "error", measure: "3", beat: 2, message: "parallel fifths between alto and bass"},
        {severity: "warning", measure: "5", beat: 1, message: "hidden octaves"}
    ]}, 1);
    assert.strictEqual(text.split("\n")[0], "G major: 1 error, 1 warning");
    assert.match(text, /m\. 3, beat 2: parallel fifths/);
    assert.match(text, /and 1 more/);
});

test("requests are synchronous, to the loopback address, with the token", () => {
    const seen = {};
    const xhr = {
        open: (method, url, async) => Object.assign(seen, {method, url, async}),
        setRequestHeader: (k, v) => { seen[k] = v; },
        send: (body) => { seen.body = body; },
        status: 200, responseText: "ok"
    };
    const r = kantor.send(xhr, "POST", "/api/tools/check?format=json", "<x/>", "application/vnd.recordare.musicxml+xml", 7771, "abc");
    assert.deepStrictEqual(r, {status: 200, text: "ok"});
    assert.strictEqual(seen.url, "http://127.0.0.1:7771/api/tools/check?format=json");
    assert.strictEqual(seen.async, false);
    assert.strictEqual(seen.Authorization, "Bearer abc");
});

test("a tool's dialog is built from the server's description, with the values last used", () => {
    const tools = JSON.stringify({tools: [{name: "generate", description: "Write a new melody.", parameters: [
        {name: "measures", type: "string", "default": "4", "enum": ["2", "4", "8", "16"], description: "Length in measures."},
        {name: "key", type: "string", "default": "C", description: "Key, e.g. C, Eb, f#m or D minor (default C)."},
        {name: "gibbs-steps", type: "integer", "default": 48, minimum: 0, maximum: 1000, description: "Resampling rounds."},
        {name: "seed", type: "integer", description: "Seed."}]}]});
    const tool = kantor.findTool(tools, "generate");
    assert.strictEqual(kantor.findTool(tools, "orchestrate"), null);
    const fields = kantor.dialogFields(tool, {measures: "8"}, ["seed"]);
    assert.deepStrictEqual(fields.map(f => [f.name, f.label, f.value]),
        [["measures", "Measures", "8"], ["key", "Key", "C"], ["gibbs-steps", "Gibbs steps", "48"]]);
    const qml = kantor.dialogQml(fields);
    assert.match(qml, /ComboBox \{ id: field0; model: \["2","4","8","16"\]; currentIndex: 2;/, "the remembered choice is selected");
    assert.match(qml, /TextField \{ id: field1; text: "C";/);
    assert.match(qml, /function values\(\) \{ return \{"measures": field0.currentText, "key": field1.text, "gibbs-steps": field2.text\}; \}/);
    assert.strictEqual((qml.match(/\{/g) || []).length, (qml.match(/\}/g) || []).length, "braces balance");
    assert.ok(!/seed/.test(qml), "hidden parameters are left out");
    const quoted = kantor.dialogQml([{name: "key", label: "Key", help: "say \"D minor\"", choices: null, type: "string", value: "D \"minor\""}]);
    assert.match(quoted, /text: "D \\"minor\\""/, "quotes in values are escaped");
});

test("parameters become a query string, blanks left out", () => {
    assert.strictEqual(kantor.queryString({measures: "8", key: "F# minor", time: "", seed: null}), "?measures=8&key=F%23%20minor");
    assert.strictEqual(kantor.queryString({}), "");
});

test("two scores go as a multipart form", () => {
    const body = kantor.multipartBody("B", [{field: "file", filename: "a.musicxml", text: "<a/>"},
        {field: "second", filename: "b.musicxml", text: "<b/>"}]);
    assert.strictEqual(body, "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.musicxml\"\r\n"
        + "Content-Type: application/vnd.recordare.musicxml+xml\r\n\r\n<a/>\r\n"
        + "--B\r\nContent-Disposition: form-data; name=\"second\"; filename=\"b.musicxml\"\r\n"
        + "Content-Type: application/vnd.recordare.musicxml+xml\r\n\r\n<b/>\r\n--B--\r\n");
});

test("MuseScore 4: four voices are found on four staves, or on two staves with two voices each", () => {
    assert.deepStrictEqual(notes.fourVoiceTracks(0, 4, false), {soprano: 0, alto: 4, tenor: 8, bass: 12});
    assert.deepStrictEqual(notes.fourVoiceTracks(0, 2, true), {soprano: 0, alto: 1, tenor: 4, bass: 5});
    assert.deepStrictEqual(notes.fourVoiceTracks(0, 4, true), {soprano: 0, alto: 1, tenor: 4, bass: 5}, "a closed score above other staves");
    assert.strictEqual(notes.fourVoiceTracks(1, 2, false), null, "no staff below the selection");
});

test("MuseScore 4: the four voices go to the checker from the measure of the earliest note, and its findings come back as marks", () => {
    const starts = [0, 1920, 3840];
    const voice = (pitch) => [{tick: 1920, ticks: 1920, notes: [{pitch: pitch, tpc: 14}]}, {tick: 3840, ticks: 1920, notes: [{pitch: pitch + 2, tpc: 16}]}];
    const request = notes.checkRequest({soprano: voice(72), alto: voice(67), tenor: voice(64), bass: voice(48)}, starts, 0, {rules: "parallel-fifths"});
    assert.strictEqual(request.origin, 1920);
    assert.strictEqual(request.pickupTicks, 0);
    assert.deepStrictEqual(request.voices.bass, [{tick: 0, ticks: 1920, pitch: 48, tpc: 14}, {tick: 1920, ticks: 1920, pitch: 50, tpc: 16}]);
    assert.strictEqual(request.rules, "parallel-fifths");
    const answer = {key: "C major", errors: 1, warnings: 1, findings: [
        {rule: "parallel-fifths", severity: "error", tick: 1920, voices: ["tenor", "bass"], message: "Parallel fifths between tenor and bass"},
        {rule: "spacing", severity: "warning", tick: 0, voices: ["soprano", "alto"], message: "Soprano and alto more than an octave apart"}]};
    const tracks = {soprano: 0, alto: 4, tenor: 8, bass: 12};
    const marks = notes.findingMarks(answer, tracks, request.origin);
    assert.deepStrictEqual(marks[0], {tick: 3840, track: 8, text: "parallel fifths", colour: [8, 12], error: true,
        message: "Parallel fifths between tenor and bass"});
    assert.strictEqual(marks[1].error, false);
    assert.deepStrictEqual(notes.findingLines(answer, starts, request.origin),
        ["C major: 1 error, 1 warning", "measure 3: Parallel fifths between tenor and bass", "measure 2: Soprano and alto more than an octave apart"]);
});

test("MuseScore 4: Generate and Interpolate count the selected measures; Interpolate sends the two ends", () => {
    const starts = [0, 1920, 3840, 5760, 7680, 9600, 11520, 13440];
    assert.strictEqual(notes.measuresBetween(starts, 1920, 9600), 4);
    const events = [
        {tick: 0, ticks: 1920, notes: [{pitch: 60, tpc: 14}]}, {tick: 1920, ticks: 1920, notes: [{pitch: 62, tpc: 16}]},
        {tick: 3840, ticks: 3840, rest: true},
        {tick: 7680, ticks: 1920, notes: [{pitch: 67, tpc: 15}]}, {tick: 9600, ticks: 1920, notes: [{pitch: 72, tpc: 14}]}];
    const request = notes.interpolationRequest(events, starts, 0, 6, 0);
    assert.strictEqual(request.steps, 1);
    assert.strictEqual(request.origin, 3840, "the steps are written from the third measure");
    assert.deepStrictEqual(request.first.map(n => n.tick), [0, 1920]);
    assert.deepStrictEqual(request.second, [{tick: 0, ticks: 1920, pitch: 67, tpc: 15}, {tick: 1920, ticks: 1920, pitch: 72, tpc: 14}]);
    assert.strictEqual(notes.interpolationRequest(events, starts, 0, 5, 0), null, "an odd number of measures between");
    assert.strictEqual(notes.interpolationRequest(events, starts, 0, 4, 0), null, "no room for a step");
    const frame = notes.frame(starts, -2, 3840);
    assert.deepStrictEqual(frame, {timeSignature: "4/4", keyFifths: -2, pickupTicks: 0});
});

test("MuseScore 4: what the cursor reads becomes events, and notes are written in time order from where they belong", () => {
    const elements = [
        {type: "chord", notes: [{pitch: 67, tpc: 15, tieBack: null}], actualDuration: {ticks: 480}},
        {type: "rest", actualDuration: {ticks: 480}},
        {type: "chord", notes: [{pitch: 69, tpc: 17, tieBack: {}}], actualDuration: {ticks: 960}}];
    let at = 0;
    const ticks = [0, 480, 960];
    const cursor = {get segment() { return at < elements.length ? {} : null; }, get element() { return elements[at]; },
        get tick() { return ticks[at]; }, next() { at++; }};
    assert.deepStrictEqual(notes.readEvents(cursor, -1, {chord: "chord", rest: "rest"}), [
        {tick: 0, ticks: 480, notes: [{pitch: 67, tpc: 15, tieBack: false}]}, {tick: 480, ticks: 480, rest: true},
        {tick: 960, ticks: 960, notes: [{pitch: 69, tpc: 17, tieBack: true}]}]);
    const score = {firstMeasure: {firstSegment: {tick: 0}, nextMeasure: {firstSegment: {tick: 1920}, nextMeasure: null}}};
    assert.deepStrictEqual(notes.measureStartsOf(score), [0, 1920]);
    const calls = [];
    const written = notes.applyNotes([{tick: 480, ticks: 480, pitch: 64}, {tick: 0, ticks: 480, pitch: 62}], 4, 7680, {
        moveTo: (track, tick) => calls.push(["move", track, tick]), setDuration: (n, d) => calls.push(["duration", n, d]),
        addNote: (pitch) => calls.push(["note", pitch])});
    assert.strictEqual(written, 2);
    assert.deepStrictEqual(calls.filter(c => c[0] === "move"), [["move", 4, 7680], ["move", 4, 8160]]);
});
