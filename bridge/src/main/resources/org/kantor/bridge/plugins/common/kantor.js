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

// The tool's description from GET /api/tools, or null.
function findTool(toolsJson, name) {
    var tools = JSON.parse(toolsJson).tools || [];
    for (var i = 0; i < tools.length; i++) {
        if (tools[i].name === name) {
            return tools[i];
        }
    }
    return null;
}

// "gibbs-steps" -> "Gibbs steps"
function labelOf(name) {
    var words = name.replace(/-/g, " ");
    return words.charAt(0).toUpperCase() + words.substring(1);
}

// The fields a dialog shows for a tool: its parameters as the server describes them, except those the
// plugin sets itself, each with the value last used (or the default).
function dialogFields(tool, remembered, hidden) {
    var fields = [];
    var params = tool.parameters || [];
    for (var i = 0; i < params.length; i++) {
        var p = params[i];
        if (hidden.indexOf(p.name) >= 0) {
            continue;
        }
        var value = remembered && remembered[p.name] !== undefined ? String(remembered[p.name])
            : p["default"] !== undefined ? String(p["default"]) : "";
        fields.push({name: p.name, label: labelOf(p.name), help: p.description || "",
            choices: p["enum"] || (p.type === "boolean" ? ["true", "false"] : null), type: p.type,
            value: value});
    }
    return fields;
}

// QML for the dialog's form: a label and a control per field (a drop-down for choices, a text field
// otherwise) with its help underneath, and values() giving what the user set. Built as text so that one
// form serves every tool; Qt Quick Controls 1, which every MuseScore 3 ships.
function dialogQml(fields) {
    var lines = ["import QtQuick 2.0", "import QtQuick.Controls 1.4", "import QtQuick.Layouts 1.1",
        "GridLayout {", "    columns: 2", "    columnSpacing: 12", "    rowSpacing: 4"];
    var reads = [];
    for (var i = 0; i < fields.length; i++) {
        var f = fields[i];
        lines.push("    Label { text: " + JSON.stringify(f.label) + " }");
        if (f.choices) {
            var index = Math.max(0, f.choices.indexOf(f.value));
            lines.push("    ComboBox { id: field" + i + "; model: " + JSON.stringify(f.choices) + "; currentIndex: " + index
                + "; Layout.preferredWidth: 220 }");
            reads.push(JSON.stringify(f.name) + ": field" + i + ".currentText");
        } else {
            lines.push("    TextField { id: field" + i + "; text: " + JSON.stringify(f.value) + "; Layout.preferredWidth: 220 }");
            reads.push(JSON.stringify(f.name) + ": field" + i + ".text");
        }
        lines.push("    Item { width: 1; height: 1 }");
        lines.push("    Text { text: " + JSON.stringify(f.help) + "; color: \"#666666\"; font.pointSize: 9; wrapMode: Text.WordWrap;"
            + " Layout.preferredWidth: 300 }");
    }
    lines.push("    function values() { return {" + reads.join(", ") + "}; }");
    lines.push("}");
    return lines.join("\n");
}

// "?a=1&b=x%20y" from the values that are set.
function queryString(values) {
    var parts = [];
    for (var name in values) {
        if (values[name] !== null && values[name] !== undefined && String(values[name]).length > 0) {
            parts.push(encodeURIComponent(name) + "=" + encodeURIComponent(String(values[name])));
        }
    }
    return parts.length === 0 ? "" : "?" + parts.join("&");
}

// A multipart/form-data body of text files: [{field, filename, text}].
function multipartBody(boundary, files) {
    var body = "";
    for (var i = 0; i < files.length; i++) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + files[i].field + "\"; filename=\""
            + files[i].filename + "\"\r\nContent-Type: application/vnd.recordare.musicxml+xml\r\n\r\n" + files[i].text + "\r\n";
    }
    return body + "--" + boundary + "--\r\n";
}

if (typeof module !== "undefined") {
    module.exports = {baseUrl: baseUrl, send: send, problemMessage: problemMessage, selectedBars: selectedBars, partOfTrack: partOfTrack,
        findingsText: findingsText, findTool: findTool, labelOf: labelOf, dialogFields: dialogFields, dialogQml: dialogQml,
        queryString: queryString, multipartBody: multipartBody};
}
