package org.kantor.bridge;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kantor.tools.catalog.ToolFile;
import org.kantor.tools.catalog.ToolInput;

/**
 * The files sent to a tool, as the request carries them: either the raw body (a score, or a
 * recording for Transcribe; parameters in the query string) or a multipart form with the file in the
 * field {@code file} (Interpolate's second score in {@code second}) and parameters as other fields or
 * in the query string. A tool that takes no file (Generate) takes its parameters alone.
 */
record ScoreUpload(List<ToolFile> files, Map<String, String> parameters) {

    static final String FILE_FIELD = "file";
    static final String SECOND_FIELD = "second";

    static ScoreUpload of(Context ctx, long maxBytes, ToolInput takes) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> parameters.put(k, last(v)));
        List<String> fields = ToolDescriptions.fileFields(takes);
        String what = takes == ToolInput.RECORDING ? "recording" : "score";
        List<ToolFile> files = new ArrayList<>();
        if (ctx.isMultipartFormData()) {
            Map<String, List<String>> form;
            List<UploadedFile> uploads = new ArrayList<>();
            try {
                for (String field : fields) {
                    uploads.add(ctx.uploadedFile(field));
                }
                form = ctx.formParamMap();
            } catch (ProblemException | io.javalin.http.HttpResponseException e) {
                throw e;
            } catch (Exception e) {
                // Jetty's parser fails on a form with no boundary, or one cut short: the client's fault, not the server's
                throw new ProblemException(400, "bad-form", "Form cannot be read",
                        "the multipart form cannot be read (no boundary, or the body ends before the form does)");
            }
            for (int i = 0; i < fields.size(); i++) {
                UploadedFile file = uploads.get(i);
                if (file == null) {
                    throw new ProblemException(400, "no-score", "No " + what,
                            "the form has no field \"" + fields.get(i) + "\": send the " + (i == 0 ? "" : "second ") + what + " as the field \""
                                    + fields.get(i) + "\"" + (fields.size() == 1 ? " (or as the whole request body)" : ""));
                }
                try (InputStream in = file.content()) {
                    files.add(ToolFile.of(displayName(file.filename(), what), read(in, maxBytes)));
                }
            }
            form.forEach((k, v) -> {
                if (!fields.contains(k)) {
                    parameters.put(k, last(v));
                }
            });
            return new ScoreUpload(files, parameters);
        }
        byte[] bytes = read(ctx.req().getInputStream(), maxBytes);
        if (fields.size() == 2) {
            throw new ProblemException(400, "no-score", "Two scores needed",
                    "this tool takes two scores: send them as the multipart form fields \"file\" and \"second\"");
        }
        if (fields.size() == 1) {
            if (bytes.length == 0) {
                throw new ProblemException(400, "no-score", "No " + what, "the request has no body: send the " + what
                        + (takes == ToolInput.RECORDING ? " (WAV, FLAC, MP3, Ogg Vorbis or MIDI)" : " (MusicXML, .mxl or MIDI)")
                        + " as the body, or as the form field \"file\"");
            }
            files.add(ToolFile.of("the request body", bytes));
        }
        return new ScoreUpload(files, parameters);
    }

    /**
     * An uploaded file's name as messages may repeat it: its last path element, printable characters
     * only, at most 80 of them; the name a client sends is not echoed back as it came.
     */
    static String displayName(String filename, String what) {
        if (filename == null) {
            return "the uploaded " + what;
        }
        String base = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
        String clean = base.replaceAll("[^\\p{L}\\p{N} ._()+,-]", "_").strip();
        if (clean.isEmpty() || clean.chars().allMatch(c -> c == '_' || c == '.')) {
            return "the uploaded " + what;
        }
        return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
    }

    /** Reads at most {@code maxBytes}: a larger body is refused before it fills the memory. */
    static byte[] read(InputStream in, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return bytes;
    }

    static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(413, "too-large", "Request too large",
                "the request is larger than the server's limit of " + (maxBytes >> 20) + " MB; a score is rarely over a few MB");
    }

    private static String last(List<String> values) {
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
