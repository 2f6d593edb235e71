// Kantor client for MuseScore plugins: requests to the local server and messages a musician can act
// on. Plain ES5 so that MuseScore 3's QML engine and node (for the tests) both run it.

var PORT = "@PORT@";
var TOKEN = "@TOKEN@";
var TOKEN_FILE = "@TOKEN_FILE@";
var TEST_OUTPUT = "@TEST_OUTPUT@";

function baseUrl(port) {
    return "http://127.0.0.1:" + port;
}

// A synchronous request: the only kind MuseScore sends when it runs a plugin from the command line.
function send(xhr, method, path, body, contentType, port, token) {
    xhr.open(method, baseUrl(port) + path, false);
    xhr.setRequestHeader("Authorization", "Bearer " + token);
    if (contentType) {
        xhr.setRequestHeader("Content-Type", contentType);
    }
    xhr.send(body);
    return {status: xhr.status, text: xhr.responseText};
}

// What to tell the user when a request failed; null when it succeeded.
function problemMessage(response, port, tokenFile, menu) {
    if (response.status === 200) {
        return null;
    }
    if (response.status === 0) {
        return "Kantor's server is not running on port " + port + ".\n\n"
            + "Start it in a terminal with\n\n    kantor serve --port " + port + "\n\n"
            + "leave it running, and choose " + menu + " again.";
    }
    if (response.status === 401) {
        return "The Kantor server refused this plugin's token (it keeps its token in " + tokenFile + ").\n\n"
            + "Run\n\n    kantor plugin install\n\nto write the current token into the plugin, then reload the plugins"
            + " (Plugins > Plugin Manager > Reload Plugins) and try again.";
    }
    var detail = "";
    try {
        var problem = JSON.parse(response.text);
        detail = problem.detail || problem.title || "";
    } catch (e) {
        detail = response.text ? String(response.text).substring(0, 300) : "";
    }
    if (response.status === 429 || response.status === 503) {
        return "Kantor is busy: " + detail + "\n\nTry again in a moment.";
    }
    return "Kantor could not do this (" + response.status + "):\n\n" + detail;
}

// Measure positions (from 1, pickup included) covered by a selection between two ticks;
// measureStarts holds the first tick of every measure in order.
function selectedBars(measureStarts, startTick, endTick) {
    var first = 0;
    var last = 0;
    for (var i = 0; i < measureStarts.length; i++) {
        if (measureStarts[i] <= startTick) {
            first = i + 1;
        }
        if (measureStarts[i] < endTick) {
            last = i + 1;
        }
    }
    if (first === 0 || last < first) {
        return null;
    }
    return first === last ? String(first) : first + "-" + last;
}

// The part (from 1) that holds a track, given the first track of every part in order; 0 when none does.
function partOfTrack(partStartTracks, track) {
    var part = 0;
    for (var i = 0; i < partStartTracks.length; i++) {
        if (partStartTracks[i] <= track) {
            part = i + 1;
        }
    }
    return part;
}

// The checker's JSON report as lines of text for a dialog.
function findingsText(report, limit) {
    var lines = [];
    var findings = report.findings || [];
    var errors = 0;
    for (var i = 0; i < findings.length; i++) {
        if (findings[i].severity === "error") {
            errors++;
        }
    }
    lines.push((report.key ? report.key + ": " : "") + errors + (errors === 1 ? " error, " : " errors, ")
        + (findings.length - errors) + (findings.length - errors === 1 ? " warning" : " warnings"));
    var shown = Math.min(findings.length, limit);
    for (var j = 0; j < shown; j++) {
        var f = findings[j];
        lines.push("m. " + f.measure + ", beat " + f.beat + ": " + f.message);
    }
    if (findings.length > shown) {
        lines.push("... and " + (findings.length - shown) + " more (open the annotated score to see them all)");
    }
    return lines.join("\n");
}

if (typeof module !== "undefined") {
    module.exports = {baseUrl: baseUrl, send: send, problemMessage: problemMessage, selectedBars: selectedBars, partOfTrack: partOfTrack,
        findingsText: findingsText};
}
