package org.kantor.models.transcription;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kantor.models.audio.AudioLoader;
import org.kantor.musicxml.KantorData;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the port exact: our decoder, resampler and graph executor on vocadito_10.wav give Basic
 * Pitch's own reference outputs (within 1e-3) and its 28 reference note events.
 */
class BasicPitchGoldenTest {

    private static Path golden;
    private static BasicPitch model;
    private static Activations untrimmed;
    private static Activations trimmed;

    @BeforeAll
    static void run() throws Exception {
        golden = KantorData.corpus("basic-pitch-golden");
        assertNotNull(golden, "../shared/data/basic-pitch-golden is missing");
        model = BasicPitch.load();
        float[] audio = AudioLoader.load(golden.resolve("vocadito_10.wav"), BasicPitch.SAMPLE_RATE).samples();
        BasicPitchStream stream = new BasicPitchStream(model, true, 4);
        stream.accept(audio, audio.length);
        untrimmed = stream.finish(false);
        trimmed = model.predict(audio, true);
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void outputsMatchTheReferenceWithin1e3() throws Exception {
        assertMatches("note", untrimmed.note(), BasicPitch.KEYS);
        assertMatches("onset", untrimmed.onset(), BasicPitch.KEYS);
        assertMatches("contour", untrimmed.contour(), BasicPitch.CONTOUR_BINS);
    }

    @Test
    void outputIsTrimmedToTheLengthOfTheAudio() {
        // 9.098 s at 22,050 Hz is 200,607 samples; Basic Pitch keeps floor(200607 * 86 / 22050) frames
        assertEquals(782, trimmed.frames());
        assertArrayEquals(untrimmed.note()[781], trimmed.note()[781]);
    }

    @Test
    void noteEventsMatchTheReference() throws Exception {
        JsonObject json = JsonParser.parseString(Files.readString(golden.resolve("vocadito_10/converted_for_java.json")))
                .getAsJsonObject();
        JsonArray expected = json.getAsJsonArray("note_events");
        List<NoteEvent> ours = NoteCreation.withPitchBends(NoteCreation.notes(trimmed, NoteCreation.Settings.defaults()),
                trimmed.contour());
        assertEquals(28, expected.size());
        assertEquals(expected.size(), ours.size(), "number of note events");
        for (int i = 0; i < ours.size(); i++) {
            JsonObject e = expected.get(i).getAsJsonObject();
            NoteEvent n = ours.get(i);
            String where = "event " + i;
            assertEquals(e.get("pitch").getAsInt(), n.midi(), where + " pitch");
            assertEquals(e.get("start_s").getAsDouble(), n.startSeconds(), 1e-9, where + " start");
            assertEquals(e.get("end_s").getAsDouble(), n.endSeconds(), 1e-9, where + " end");
            assertEquals(e.get("amplitude").getAsDouble(), n.amplitude(), 1e-3, where + " amplitude");
            int[] bends = new int[e.getAsJsonArray("pitch_bends").size()];
            int k = 0;
            for (JsonElement b : e.getAsJsonArray("pitch_bends")) {
                bends[k++] = b.getAsInt();
            }
            assertArrayEquals(bends, n.pitchBends(), where + " pitch bends");
        }
    }

    private static void assertMatches(String name, float[][] ours, int width) throws Exception {
        byte[] raw = Files.readAllBytes(golden.resolve("vocadito_10/model_output." + name + ".f32le"));
        float[] reference = new float[raw.length / 4];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(reference);
        int frames = reference.length / width;
        assertEquals(787, frames);
        assertTrue(ours.length >= frames, name + ": " + ours.length + " frames, the reference has " + frames);
        double worst = 0;
        for (int f = 0; f < frames; f++) {
            for (int j = 0; j < width; j++) {
                worst = Math.max(worst, Math.abs(reference[f * width + j] - ours[f][j]));
            }
        }
        assertTrue(worst <= 1e-3, name + ": largest difference " + worst);
    }
}
