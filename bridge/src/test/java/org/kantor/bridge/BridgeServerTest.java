package org.kantor.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;
import org.kantor.musicxml.KantorData;
import org.kantor.musicxml.MusicXmlReader;
import org.kantor.musicxml.ScoreDocument;

/** The server as a client sees it: access rules, limits, errors as problems, and the tools answering. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeServerTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    private Path folder;

    private BridgeServer server;
    private String token;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws IOException {
        folder = Files.createTempDirectory("kantor-bridge-test");
        Path tokenFile = folder.resolve("config").resolve("token");
        token = TokenFile.loadOrCreate(tokenFile);
        server = BridgeServer.start(ServerSettings.defaults(0, token, tokenFile), log::add);
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private HttpResponse<String> get(String path, String authorization, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject problem(HttpResponse<String> r) {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
        JsonObject p = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals(r.statusCode(), p.get("status").getAsInt());
        assertFalse(r.body().contains("at org.") || r.body().contains("Exception"), "no stack trace or exception names: " + r.body());
        return p;
    }

    @Test
    void tokenFileIsPrivateAndReused() throws IOException {
        Path tokenFile = folder.resolve("config").resolve("token");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
        assertEquals(token, TokenFile.loadOrCreate(tokenFile));
        assertTrue(token.length() >= 40, token);
    }

    @Test
    void healthNeedsNoTokenButEverythingElseDoes() throws Exception {
        assertEquals(200, get("/api/health", null, null).statusCode());
        HttpResponse<String> none = get("/api/tools", null, null);
        assertEquals(401, none.statusCode());
        assertTrue(problem(none).get("detail").getAsString().contains("Authorization: Bearer"), none.body());
        HttpResponse<String> wrong = get("/api/tools", "Bearer not-the-token", null);
        assertEquals(401, wrong.statusCode());
        assertEquals("urn:kantor:problem:token-wrong", problem(wrong).get("type").getAsString());
        assertEquals(200, get("/api/tools", "Bearer " + token, null).statusCode());
    }

    @Test
    void foreignOriginIsRefused() throws Exception {
        HttpResponse<String> r = get("/api/tools", "Bearer " + token, "http://evil.example");
        assertEquals(403, r.statusCode());
        assertEquals("urn:kantor:problem:origin-not-allowed", problem(r).get("type").getAsString());
        // even the health check: a page must not learn that Kantor runs here
        assertEquals(403, get("/api/health", null, "http://evil.example").statusCode());
    }

    @Test
    void foreignHostIsRefused() throws Exception {
        // DNS rebinding: the browser thinks it talks to evil.example, which now resolves to 127.0.0.1
        String answer = raw("GET /api/health HTTP/1.1\r\nHost: evil.example:" + server.port() + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
        assertTrue(answer.contains("host-not-allowed"), answer);
        String local = raw("GET /api/health HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nConnection: close\r\n\r\n");
        assertTrue(local.startsWith("HTTP/1.1 200"), local);
    }

    @Test
    void hugeBodyGets413WithoutBeingRead() throws Exception {
        String answer = raw("POST /api/tools/check HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/vnd.recordare.musicxml+xml\r\nContent-Length: " + (100L << 20) + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("too-large"), answer);
    }

    @Test
    void hundredMegabytesSentInFullGet413() throws Exception {
        byte[] body = new byte[100 << 20];
        java.util.Arrays.fill(body, (byte) ' ');
        HttpResponse<String> r = null;
        IOException last = null;
        // the server answers from Content-Length and closes while the client is still sending; on a busy
        // machine the close can overtake the answer (no lingering close yet), so one of three tries must get it
        for (int attempt = 0; attempt < 3 && r == null; attempt++) {
            try {
                r = post("/api/tools/check", body);
            } catch (IOException e) {
                last = e;
            }
        }
        if (r == null) {
            throw new AssertionError("the client should get an answer, not a broken connection", last);
        }
        assertEquals(413, r.statusCode());
        problem(r);
    }

    @Test
    void externalEntitiesAreNeverRead() throws Exception {
        Path secret = folder.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0)) {
            Thread t = new Thread(() -> {
                try (Socket s = listener.accept()) {
                    connections.incrementAndGet();
                } catch (IOException ignored) {
                    // closed at the end of the test
                }
            });
            t.setDaemon(true);
            t.start();
            String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE score-partwise [\n<!ENTITY secret SYSTEM \"file://" + secret + "\">\n"
                    + "<!ENTITY remote SYSTEM \"http://127.0.0.1:" + listener.getLocalPort() + "/x\">\n]>\n"
                    + "<score-partwise version=\"4.0\"><work><work-title>&secret;&remote;</work-title></work><part-list>"
                    + "<score-part id=\"P1\"><part-name>Voice</part-name></score-part></part-list><part id=\"P1\"><measure number=\"1\">"
                    + "<note><pitch><step>C</step><octave>4</octave></pitch><duration>4</duration><type>whole</type></note></measure></part>"
                    + "</score-partwise>";
            HttpResponse<String> r = post("/api/tools/check", xxe.getBytes(StandardCharsets.UTF_8));
            assertEquals(400, r.statusCode(), r.body());
            problem(r);
            assertFalse(r.body().contains("TOP-SECRET"), r.body());
            Thread.sleep(200);
            assertEquals(0, connections.get(), "no connection to an external entity's address");
        }
    }

    @Test
    void zipBombGets400() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("META-INF/container.xml"));
            zip.write(("<?xml version=\"1.0\"?><container><rootfiles><rootfile full-path=\"score.xml\"/></rootfiles></container>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("score.xml"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 300; i++) {
                zip.write(spaces);
            }
        }
        assertTrue(bytes.size() < 2 << 20, "the bomb is small: " + bytes.size());
        HttpResponse<String> r = post("/api/tools/check", bytes.toByteArray());
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(problem(r).get("detail").getAsString().contains("MB"), r.body());
    }

    @Test
    void malformedMusicXmlGets400NamingTheProblem() throws Exception {
        HttpResponse<String> r = post("/api/tools/check", "<score-partwise version=\"4.0\"><part-list>\n</score-partwise>".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode());
        String detail = problem(r).get("detail").getAsString();
        assertTrue(detail.contains("request body") && detail.contains("line"), detail);
    }

    @Test
    void unknownToolAndParameterAreExplained() throws Exception {
        byte[] chorale = Files.readAllBytes(EXAMPLES.resolve("chorale.musicxml"));
        HttpResponse<String> tool = post("/api/tools/orchestrate", chorale);
        assertEquals(404, tool.statusCode());
        assertTrue(problem(tool).get("detail").getAsString().contains("harmonize, check"), tool.body());
        HttpResponse<String> parameter = post("/api/tools/check?format=pdf", chorale);
        assertEquals(400, parameter.statusCode());
        assertTrue(problem(parameter).get("detail").getAsString().contains("format must be json or musicxml"), parameter.body());
        HttpResponse<String> melody = post("/api/tools/check", Files.readAllBytes(EXAMPLES.resolve("melody.musicxml")));
        assertEquals(400, melody.statusCode());
        assertTrue(problem(melody).get("detail").getAsString().contains("four-part"), melody.body());
    }

    @Test
    void toolListAndOpenApiDescribeTheParameters() throws Exception {
        JsonObject tools = JsonParser.parseString(get("/api/tools", "Bearer " + token, null).body()).getAsJsonObject();
        JsonObject harmonize = tools.getAsJsonArray("tools").get(0).getAsJsonObject();
        assertEquals("harmonize", harmonize.get("name").getAsString());
        JsonObject given = harmonize.getAsJsonArray("parameters").get(0).getAsJsonObject();
        assertEquals("given", given.get("name").getAsString());
        assertEquals("soprano", given.get("default").getAsString());
        assertEquals(4, given.getAsJsonArray("enum").size());
        JsonObject openapi = JsonParser.parseString(get("/api/openapi.json", "Bearer " + token, null).body()).getAsJsonObject();
        assertEquals("3.1.0", openapi.get("openapi").getAsString());
        JsonObject paths = openapi.getAsJsonObject("paths");
        for (String p : List.of("/api/health", "/api/tools", "/api/tools/harmonize", "/api/tools/check", "/api/tools/drumify",
                "/api/tools/groove", "/api/notes/harmonize")) {
            assertTrue(paths.has(p), p);
        }
        assertTrue(paths.getAsJsonObject("/api/tools/harmonize").getAsJsonObject("post").getAsJsonObject("responses").has("429"));
    }

    @Test
    void checkAnswersJsonAndEveryRequestIsLogged() throws Exception {
        HttpResponse<String> r = post("/api/tools/check", Files.readAllBytes(EXAMPLES.resolve("chorale.musicxml")));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject report = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals("G major", report.get("key").getAsString());
        assertTrue(report.getAsJsonArray("chords").size() > 10);
        Thread.sleep(100);
        assertTrue(log.stream().anyMatch(l -> l.contains("POST /api/tools/check tool=check") && l.contains(" 200 ok")), log.toString());
    }

    @Test
    void harmonizeKeepsTheMelodyAndAddsThreeVoices() throws Exception {
        byte[] melody = Files.readAllBytes(EXAMPLES.resolve("melody.musicxml"));
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/tools/harmonize?seed=5"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(melody)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("5", r.headers().firstValue("X-Kantor-Seed").orElse(""));
        ScoreDocument result = MusicXmlReader.read(r.body(), "answer");
        assertEquals(4, result.score().parts().size());
        Timeline before = ScoreToTimeline.convert(MusicXmlReader.read(melody, "melody").score());
        Timeline after = ScoreToTimeline.convert(result.score());
        assertEquals(pitchesAndTimes(before.notesOfPart(0)), pitchesAndTimes(after.notesOfPart(0)));
        for (int part = 1; part < 4; part++) {
            assertFalse(after.notesOfPart(part).isEmpty(), "part " + part);
        }
    }

    @Test
    void drumifyAddsADrumStaffAndGroovePlaysIt() throws Exception {
        // the first four bars of a song, the drums following its piano part
        byte[] song = Files.readAllBytes(KantorData.corpus("openscore-lieder").resolve("Gounod,_Charles/_/Le_soir,_CG_441/lc29748062.mxl"));
        HttpResponse<byte[]> r = postBytes("/api/tools/drumify?part=2&bars=4&seed=7", song);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("7", r.headers().firstValue("X-Kantor-Seed").orElse(""));
        assertEquals("3", r.headers().firstValue("X-Kantor-Drum-Part").orElse(""));
        ScoreDocument drummed = MusicXmlReader.read(r.body(), "answer");
        Timeline before = ScoreToTimeline.convert(MusicXmlReader.read(song, "song").score());
        Timeline after = ScoreToTimeline.convert(drummed.score());
        assertEquals(3, drummed.score().parts().size(), "voice, piano and the new drum set");
        for (int part = 0; part < 2; part++) {
            assertEquals(pitchesAndTimes(before.notesOfPart(part)), pitchesAndTimes(after.notesOfPart(part)), "part " + (part + 1) + " unchanged");
        }
        List<TimedNote> drums = after.notesOfPart(2);
        assertFalse(drums.isEmpty());
        assertTrue(drums.stream().allMatch(n -> n.offset().compareTo(org.kantor.core.Rational.of(16)) <= 0), "drums in the first four bars only");
        assertTrue(drummed.score().parts().get(2).notes().stream().allMatch(n -> n.unpitched() != null), "unpitched drum notes");

        // Groove on that score: the drum notes stay as written, their playback gets dynamics and timing
        HttpResponse<byte[]> g = postBytes("/api/tools/groove?seed=3", r.body());
        assertEquals(200, g.statusCode(), new String(g.body(), StandardCharsets.UTF_8));
        ScoreDocument grooved = MusicXmlReader.read(g.body(), "grooved");
        assertEquals(pitchesAndTimes(drums), pitchesAndTimes(ScoreToTimeline.convert(grooved.score()).notesOfPart(2)));
        String xml = new String(g.body(), StandardCharsets.UTF_8);
        assertTrue(xml.contains(" attack=\"") && xml.contains(" dynamics=\""), "performance attributes written");

        HttpResponse<byte[]> midi = postBytes("/api/tools/groove?seed=3&format=midi", r.body());
        assertEquals(200, midi.statusCode());
        assertEquals("audio/midi", midi.headers().firstValue("Content-Type").orElse(""));
        assertEquals("MThd", new String(midi.body(), 0, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void brokenFormsAndWrongMethodsGetProblemsNotServerErrors() throws Exception {
        HttpResponse<String> get = get("/api/tools/harmonize", "Bearer " + token, null);
        assertEquals(405, get.statusCode(), get.body());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
        problem(get);
        byte[] chorale = Files.readAllBytes(EXAMPLES.resolve("chorale.musicxml"));
        HttpResponse<String> noBoundary = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/api/tools/check"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofByteArray(chorale)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, noBoundary.statusCode(), noBoundary.body());
        assertTrue(problem(noBoundary).get("detail").getAsString().contains("boundary"), noBoundary.body());
        String cut = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.musicxml\"\r\n\r\n<score-partwise";
        HttpResponse<String> truncated = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/api/tools/check"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=XYZ")
                .POST(HttpRequest.BodyPublishers.ofString(cut)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, truncated.statusCode(), truncated.body());
        problem(truncated);
        // a file name is not echoed back as the client sent it
        String hostile = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../<script>x</script>.musicxml\"\r\n\r\n"
                + "<html>not a score</html>\r\n--XYZ--\r\n";
        // each broken form on a connection of its own: the server closes one it could not read to the end
        HttpResponse<String> named = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/api/tools/check"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=XYZ")
                .POST(HttpRequest.BodyPublishers.ofString(hostile)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, named.statusCode(), named.body());
        String detail = problem(named).get("detail").getAsString();
        assertFalse(detail.contains("<script>") || detail.contains("../"), detail);
        assertEquals("script_", ScoreUpload.displayName("../../<script>x</script>", "score"), "the last path element, made printable");
        assertEquals("Chorale (2).musicxml", ScoreUpload.displayName("C:\\\\Users\\\\me\\\\Chorale (2).musicxml", "score"));
        assertEquals("the uploaded score", ScoreUpload.displayName("\u0000\u0001", "score"));
    }

    @Test
    void requestsJettyRefusesAreProblemsToo() throws Exception {
        for (String request : List.of("GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n",
                "GET /../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n")) {
            String answer;
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("Content-Type: application/problem+json"), answer);
            assertTrue(answer.contains("\"status\":400") && !answer.contains("<html"), answer);
        }
    }

    @Test
    void drumToolsRefuseWhatTheyCannotPlay() throws Exception {
        // a melody in 3/4: the drum models play 4/4 only, and it has no drum part to groove
        byte[] melody = Files.readAllBytes(EXAMPLES.resolve("melody.musicxml"));
        HttpResponse<String> waltz = post("/api/tools/drumify", melody);
        assertEquals(400, waltz.statusCode());
        assertTrue(problem(waltz).get("detail").getAsString().contains("3/4"), waltz.body());
        HttpResponse<String> noDrums = post("/api/tools/groove", Files.readAllBytes(EXAMPLES.resolve("chorale.musicxml")));
        assertEquals(400, noDrums.statusCode());
        assertTrue(problem(noDrums).get("detail").getAsString().contains("no drum part"), noDrums.body());
        HttpResponse<String> amount = post("/api/tools/groove?amount=3", melody);
        assertEquals(400, amount.statusCode());
        assertTrue(problem(amount).get("detail").getAsString().contains("amount"), amount.body());
    }

    private HttpResponse<byte[]> postBytes(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void noteListHarmonizationForMuseScore4() throws Exception {
        // the first phrase of a hymn tune in G, 4/4, from MuseScore's ticks (480 a quarter)
        int[] pitches = {67, 67, 69, 71, 71, 69, 67, 66, 67};
        int[] lengths = {480, 480, 480, 480, 480, 480, 480, 480, 1920};
        StringBuilder notes = new StringBuilder();
        int tick = 0;
        for (int i = 0; i < pitches.length; i++) {
            notes.append(i == 0 ? "" : ",").append("{\"tick\":").append(tick).append(",\"ticks\":").append(lengths[i])
                    .append(",\"pitch\":").append(pitches[i]).append(",\"tpc\":").append(pitches[i] == 66 ? 20 : pitches[i] == 69 ? 17 : pitches[i] == 71 ? 19 : 15).append('}');
            tick += lengths[i];
        }
        String body = "{\"timeSignature\":\"4/4\",\"keyFifths\":1,\"pickupTicks\":0,\"seed\":2,\"notes\":[" + notes + "]}";
        HttpResponse<String> r = post("/api/notes/harmonize", body.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject answer = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals(3, answer.getAsJsonArray("voices").size());
        for (var v : answer.getAsJsonArray("voices")) {
            int covered = 0;
            for (var n : v.getAsJsonObject().getAsJsonArray("notes")) {
                covered += n.getAsJsonObject().get("ticks").getAsInt();
            }
            assertEquals(tick, covered, v.getAsJsonObject().get("voice").getAsString() + " sounds as long as the melody");
        }
        for (String broken : List.of("{\"notes\": [", "{\"notes\": [} ]", "{\"timeSignature\": {\"a\": 1}, \"notes\": []}")) {
            HttpResponse<String> r2 = post("/api/notes/harmonize", broken.getBytes(StandardCharsets.UTF_8));
            assertEquals(400, r2.statusCode(), broken + ": " + r2.body());
            String detail = problem(r2).get("detail").getAsString();
            assertFalse(detail.contains("com.google") || detail.contains("Malformed") || detail.contains("http"), detail);
        }
        HttpResponse<String> bad = post("/api/notes/harmonize", "{\"notes\":[{\"tick\":0,\"ticks\":0,\"pitch\":60}]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, bad.statusCode());
        assertTrue(problem(bad).get("detail").getAsString().contains("note 1"), bad.body());
    }

    @Test
    void boundedLoadGivesNoErrors() throws Exception {
        LoadTest.Report report = LoadTest.run(server.url(), token, 8, 6, Files.readAllBytes(EXAMPLES.resolve("melody.musicxml")),
                Files.readAllBytes(EXAMPLES.resolve("chorale.musicxml")));
        assertEquals(48, report.requests());
        assertEquals(0, report.errors(), report.table());
        assertEquals(48, report.ok() + report.intendedRefusals() + report.busy(), report.table());
        assertTrue(report.intendedRefusals() > 0 && report.ok() > 30, report.table());
    }

    private static List<String> pitchesAndTimes(List<TimedNote> notes) {
        return notes.stream().map(n -> n.midi() + "@" + n.onset() + "-" + n.offset()).toList();
    }

    private String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            try {
                while ((n = in.read(buffer)) > 0) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                // answer what came
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
