package org.kantor.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kantor.core.KeySignature;
import org.kantor.core.Measure;
import org.kantor.core.Mode;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.Timeline;
import org.kantor.musicxml.KantorData;
import org.kantor.musicxml.MusicXmlReader;

/** Every tool of the catalog over HTTP on real scores and a real recording, directly and as a job. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllToolsOverHttpTest {

    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final String BOUNDARY = "kantorTestBoundary";

    private Path folder;
    private BridgeServer server;
    private String token;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws IOException {
        folder = Files.createTempDirectory("kantor-tools-test");
        Path tokenFile = folder.resolve("token");
        token = TokenFile.loadOrCreate(tokenFile);
        server = BridgeServer.start(ServerSettings.defaults(0, token, tokenFile), line -> { });
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> post(String path, byte[] body) throws Exception {
        return send("POST", path, null, body);
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static JsonObject json(HttpResponse<byte[]> r) {
        return JsonParser.parseString(text(r)).getAsJsonObject();
    }

    /** The problem's detail, after checking that it is one. */
    private static String problem(HttpResponse<byte[]> r, int status, String type) {
        assertEquals(status, r.statusCode(), text(r));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), text(r));
        JsonObject p = json(r);
        assertEquals("urn:kantor:problem:" + type, p.get("type").getAsString(), text(r));
        assertFalse(text(r).contains("Exception"), text(r));
        return p.get("detail").getAsString();
    }

    private static byte[] form(String[] names, String[] fileNames, byte[][] files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < names.length; i++) {
            out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + names[i] + "\"; filename=\"" + fileNames[i]
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(files[i]);
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static List<String> heldOutChorales(int n) throws IOException {
        try (var files = Files.list(KantorData.corpus("bach-chorales-musicxml"))) {
            return files.map(Path::toString).filter(f -> f.endsWith(".mxl")).sorted().limit(n).toList();
        }
    }

    @Test
    void theCatalogListsEveryToolWithWhatItTakes() throws Exception {
        JsonObject tools = json(send("GET", "/api/tools", null, null));
        List<String> names = new ArrayList<>();
        List<String> takes = new ArrayList<>();
        for (JsonElement t : tools.getAsJsonArray("tools")) {
            names.add(t.getAsJsonObject().get("name").getAsString());
            takes.add(t.getAsJsonObject().get("takes").getAsString());
        }
        assertEquals(List.of("harmonize", "check", "continue", "generate", "interpolate", "transcribe", "drumify", "groove"), names);
        assertEquals(List.of("score", "score", "score", "nothing", "two-scores", "recording", "score", "score"), takes);
        JsonObject paths = json(send("GET", "/api/openapi.json", null, null)).getAsJsonObject("paths");
        for (String name : names) {
            assertTrue(paths.has("/api/tools/" + name), name);
            assertTrue(paths.getAsJsonObject("/api/jobs/" + name).getAsJsonObject("post").getAsJsonObject("responses").has("202"), name);
        }
        assertTrue(paths.getAsJsonObject("/api/jobs/{id}").has("delete"));
        assertTrue(paths.has("/api/jobs/{id}/result"));
    }

    @Test
    void continueAddsMeasuresAndKeepsTheMelody() throws Exception {
        byte[] melody = Files.readAllBytes(EXAMPLES.resolve("melody.musicxml"));
        HttpResponse<byte[]> r = post("/api/tools/continue?measures=4&seed=3", melody);
        assertEquals(200, r.statusCode(), text(r));
        assertEquals("3", r.headers().firstValue("X-Kantor-Seed").orElse(""));
        Score before = MusicXmlReader.read(melody, "melody").score();
        Score after = MusicXmlReader.read(r.body(), "answer").score();
        List<Measure> was = before.parts().get(0).measures();
        List<Measure> is = after.parts().get(0).measures();
        assertEquals(was.size() + 4, is.size());
        for (int m = 0; m < was.size(); m++) {
            assertEquals(was.get(m).notes(), is.get(m).notes(), "measure " + (m + 1) + " unchanged");
        }
        assertFalse(is.get(is.size() - 1).notes().isEmpty(), "the new measures have notes");
    }

    @Test
    void generateNeedsNoFileOnlyItsParameters() throws Exception {
        HttpResponse<byte[]> r = post("/api/tools/generate?measures=8&key=D&time=3/4&seed=2", null);
        assertEquals(200, r.statusCode(), text(r));
        Score score = MusicXmlReader.read(r.body(), "answer").score();
        List<Measure> measures = score.parts().get(0).measures();
        assertEquals(8, measures.size());
        for (Measure m : measures) {
            assertEquals(new KeySignature(2, Mode.MAJOR), m.key());
            assertEquals(TimeSignature.of(3, 4), m.time());
        }
        assertTrue(score.parts().get(0).notes().size() >= 8);
        assertTrue(problem(post("/api/tools/generate?key=H", null), 400, "bad-parameter").contains("key takes a key such as"));
        assertTrue(problem(post("/api/tools/generate?measures=5", null), 400, "bad-parameter").contains("measures must be 2, 4, 8 or 16"));
    }

    @Test
    void interpolateTakesTwoScoresAsAForm() throws Exception {
        List<String> chorales = heldOutChorales(2);
        byte[] body = form(new String[] {"file", "second"}, new String[] {"a.mxl", "b.mxl"},
                new byte[][] {Files.readAllBytes(Path.of(chorales.get(0))), Files.readAllBytes(Path.of(chorales.get(1)))});
        HttpResponse<byte[]> r = send("POST", "/api/tools/interpolate?steps=3", "multipart/form-data; boundary=" + BOUNDARY, body);
        assertEquals(200, r.statusCode(), text(r));
        assertEquals(10, MusicXmlReader.read(r.body(), "answer").score().parts().get(0).measures().size(), "A, three steps, B");
        assertTrue(text(r).contains(">B</rehearsal>"));
        String detail = problem(post("/api/tools/interpolate", Files.readAllBytes(Path.of(chorales.get(0)))), 400, "no-score");
        assertTrue(detail.contains("\"file\" and \"second\""), detail);
    }

    @Test
    void transcriptionRunsAsAJobWithProgressAndItsResultIsFetchedOnce() throws Exception {
        byte[] wav = Files.readAllBytes(KantorData.corpus("basic-pitch-golden").resolve("vocadito_10.wav"));
        HttpResponse<byte[]> started = post("/api/jobs/transcribe?instrument=voice", wav);
        assertEquals(202, started.statusCode(), text(started));
        JsonObject job = json(started);
        String address = "/api/jobs/" + job.get("id").getAsString();
        assertEquals(address, started.headers().firstValue("Location").orElse(""));
        double last = 0;
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!job.get("state").getAsString().equals("done")) {
            assertTrue(System.nanoTime() < deadline, "the job ends: " + job);
            assertFalse(job.get("state").getAsString().equals("failed"), job.toString());
            double progress = job.get("progress").getAsDouble();
            assertTrue(progress >= last && progress <= 1, "progress only grows: " + last + " then " + progress);
            last = progress;
            Thread.sleep(200);
            job = json(send("GET", address, null, null));
        }
        assertEquals(1.0, job.get("progress").getAsDouble());
        HttpResponse<byte[]> result = send("GET", address + "/result", null, null);
        assertEquals(200, result.statusCode(), text(result));
        int notes = Integer.parseInt(result.headers().firstValue("X-Kantor-Notes").orElse("0"));
        assertTrue(notes > 10, "a sung melody heard: " + notes + " notes");
        Timeline timeline = ScoreToTimeline.convert(MusicXmlReader.read(result.body(), "answer").score());
        assertEquals(notes, timeline.notes().size());
        problem(send("GET", address + "/result", null, null), 404, "no-such-job");
    }

    @Test
    void aJobCanBeCancelledAndTheServerGoesOn() throws Exception {
        byte[] chorale = Files.readAllBytes(Path.of(heldOutChorales(1).get(0)));
        HttpResponse<byte[]> started = post("/api/jobs/harmonize?gibbs-steps=1000&voices=alto,tenor,bass", chorale);
        assertEquals(202, started.statusCode(), text(started));
        String address = "/api/jobs/" + json(started).get("id").getAsString();
        problem(send("GET", address + "/result", null, null), 409, "not-ready");
        HttpResponse<byte[]> cancelled = send("DELETE", address, null, null);
        assertEquals(200, cancelled.statusCode(), text(cancelled));
        assertEquals("cancelled", json(cancelled).get("state").getAsString());
        problem(send("GET", address + "/result", null, null), 410, "cancelled");
        // the job's thread is free again: a short job after it finishes
        HttpResponse<byte[]> next = post("/api/jobs/generate?seed=1", null);
        String nextAddress = "/api/jobs/" + json(next).get("id").getAsString();
        long deadline = System.nanoTime() + 60_000_000_000L;
        String state;
        do {
            Thread.sleep(100);
            state = json(send("GET", nextAddress, null, null)).get("state").getAsString();
        } while (!state.equals("done") && System.nanoTime() < deadline);
        assertEquals("done", state);
        problem(send("GET", "/api/jobs/0123abcd", null, null), 404, "no-such-job");
    }

    @Test
    void aFailedJobAnswersItsProblem() throws Exception {
        HttpResponse<byte[]> started = post("/api/jobs/transcribe", "not a recording".getBytes(StandardCharsets.UTF_8));
        String address = "/api/jobs/" + json(started).get("id").getAsString();
        JsonObject job;
        long deadline = System.nanoTime() + 60_000_000_000L;
        do {
            Thread.sleep(100);
            job = json(send("GET", address, null, null));
        } while (job.get("state").getAsString().matches("queued|running") && System.nanoTime() < deadline);
        assertEquals("failed", job.get("state").getAsString(), job.toString());
        String detail = problem(send("GET", address + "/result", null, null), 400, "unsuitable-score");
        assertTrue(detail.startsWith("the request body: not a recording"), detail);
        assertFalse(detail.contains("kantor-upload"), "the temporary file is not named: " + detail);
        assertTrue(problem(post("/api/jobs/transcribe?tempo=fast", new byte[] {1}), 400, "bad-parameter").contains("tempo"),
                "parameters are checked before the job starts");
    }

    @Test
    void tooLongARecordingGets422BeforeItIsHeard() throws Exception {
        // a WAV header that announces 11 minutes at 16 kHz, with only a second of samples after it
        int rate = 16000;
        long frames = 660L * rate;
        ByteBuffer wav = ByteBuffer.allocate(44 + 2 * rate).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + 2 * frames)).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(2 * rate)
                .putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) (2 * frames));
        String detail = problem(post("/api/tools/transcribe", wav.array()), 422, "too-long");
        assertTrue(detail.contains("660 s long; at most 600 s"), detail);
    }

    private static String note(int tick, int ticks, int pitch) {
        return "{\"tick\":" + tick + ",\"ticks\":" + ticks + ",\"pitch\":" + pitch + "}";
    }

    private JsonObject notes(String tool, String body) throws Exception {
        HttpResponse<byte[]> r = send("POST", "/api/notes/" + tool, "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), text(r));
        return json(r);
    }

    @Test
    void museScore4SendsNoteListsToCheckContinueGenerateAndInterpolate() throws Exception {
        // G A G in the soprano over a bass that doubles it and an alto a fifth above the bass: parallels on beat 3
        String soprano = "[" + note(0, 960, 67) + "," + note(960, 960, 69) + "," + note(1920, 1920, 67) + "]";
        String alto = "[" + note(0, 960, 62) + "," + note(960, 960, 64) + "," + note(1920, 1920, 62) + "]";
        String tenor = "[" + note(0, 960, 59) + "," + note(960, 960, 60) + "," + note(1920, 1920, 59) + "]";
        String bass = "[" + note(0, 960, 55) + "," + note(960, 960, 57) + "," + note(1920, 1920, 55) + "]";
        JsonObject checked = notes("check", "{\"timeSignature\":\"4/4\",\"keyFifths\":1,\"voices\":{\"soprano\":" + soprano
                + ",\"alto\":" + alto + ",\"tenor\":" + tenor + ",\"bass\":" + bass + "}}");
        assertEquals("G major", checked.get("key").getAsString());
        boolean fifths = false;
        for (JsonElement f : checked.getAsJsonArray("findings")) {
            JsonObject o = f.getAsJsonObject();
            if (o.get("rule").getAsString().equals("parallel-fifths") && o.get("tick").getAsInt() == 960) {
                fifths = o.getAsJsonArray("voices").toString().equals("[\"alto\",\"bass\"]");
            }
        }
        assertTrue(fifths, "parallel fifths between alto and bass, placed at tick 960: " + checked);

        JsonObject continued = notes("continue", "{\"timeSignature\":\"4/4\",\"keyFifths\":1,\"measures\":2,\"seed\":3,\"notes\":" + soprano + "}");
        JsonArray added = continued.getAsJsonArray("notes");
        assertFalse(added.isEmpty());
        for (JsonElement n : added) {
            int tick = n.getAsJsonObject().get("tick").getAsInt();
            assertTrue(tick >= 0 && tick < 2 * 1920, "in the two new measures: " + tick);
        }

        JsonObject generated = notes("generate", "{\"timeSignature\":\"3/4\",\"keyFifths\":2,\"measures\":\"8\",\"seed\":5}");
        JsonArray melody = generated.getAsJsonArray("notes");
        assertTrue(melody.size() >= 8, melody.toString());
        int last = melody.get(melody.size() - 1).getAsJsonObject().get("tick").getAsInt();
        assertTrue(last < 8 * 1440, "within eight measures of 3/4: " + last);

        String end = "[" + note(0, 1920, 72) + "," + note(1920, 1920, 71) + "]";
        JsonObject walk = notes("interpolate", "{\"timeSignature\":\"4/4\",\"keyFifths\":1,\"steps\":2,\"first\":" + soprano
                + ",\"second\":" + end + "}");
        assertEquals(2, walk.get("steps").getAsInt());
        for (JsonElement n : walk.getAsJsonArray("notes")) {
            int tick = n.getAsJsonObject().get("tick").getAsInt();
            assertTrue(tick >= 0 && tick < 4 * 1920, "within the two steps of two measures: " + tick);
        }

        String detail = problem(send("POST", "/api/notes/check", "application/json",
                ("{\"voices\":{\"soprano\":" + soprano + "}}").getBytes(StandardCharsets.UTF_8)), 400, "bad-note-list");
        assertTrue(detail.contains("\"alto\" is missing"), detail);
        problem(send("POST", "/api/notes/orchestrate", "application/json", "{}".getBytes(StandardCharsets.UTF_8)), 404, "no-such-tool");
    }
}
