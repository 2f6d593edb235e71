package org.kantor.bridge;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A score sent to a tool, as the request carries it: either the raw body (MusicXML text or a .mxl
 * archive; parameters in the query string) or a multipart form with the score in the field
 * {@code file} and parameters as other fields (or in the query string).
 */
record ScoreUpload(byte[] bytes, String name, Map<String, String> parameters) {

    static final String FILE_FIELD = "file";

    static ScoreUpload of(Context ctx, long maxBytes) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> parameters.put(k, last(v)));
        if (ctx.isMultipartFormData()) {
            UploadedFile file;
            Map<String, List<String>> fields;
            try {
                file = ctx.uploadedFile(FILE_FIELD);
                fields = ctx.formParamMap();
            } catch (ProblemException | io.javalin.http.HttpResponseException e) {
                throw e;
            } catch (Exception e) {
                // Jetty's parser fails on a form with no boundary, or one cut short: the client's fault, not the server's
                throw new ProblemException(400, "bad-form", "Form cannot be read",
                        "the multipart form cannot be read (no boundary, or the body ends before the form does)");
            }
            if (file == null) {
                throw new ProblemException(400, "no-score", "No score",
                        "the form has no field \"" + FILE_FIELD + "\": send the score as the field \"file\" (or as the whole request body)");
            }
            fields.forEach((k, v) -> {
                if (!k.equals(FILE_FIELD)) {
                    parameters.put(k, last(v));
                }
            });
            try (InputStream in = file.content()) {
                byte[] bytes = read(in, maxBytes);
                return new ScoreUpload(bytes, displayName(file.filename()), parameters);
            }
        }
        byte[] bytes = read(ctx.req().getInputStream(), maxBytes);
        if (bytes.length == 0) {
            throw new ProblemException(400, "no-score", "No score",
                    "the request has no body: send the score (MusicXML or .mxl) as the body, or as the form field \"file\"");
        }
        return new ScoreUpload(bytes, "the request body", parameters);
    }

    /**
     * An uploaded file's name as messages may repeat it: its last path element, printable characters
     * only, at most 80 of them; the name a client sends is not echoed back as it came.
     */
    static String displayName(String filename) {
        if (filename == null) {
            return "the uploaded score";
        }
        String base = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
        String clean = base.replaceAll("[^\\p{L}\\p{N} ._()+,-]", "_").strip();
        if (clean.isEmpty() || clean.chars().allMatch(c -> c == '_' || c == '.')) {
            return "the uploaded score";
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
