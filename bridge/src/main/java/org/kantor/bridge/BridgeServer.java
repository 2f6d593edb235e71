package org.kantor.bridge;

import com.google.gson.JsonObject;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.kantor.tools.catalog.StandardTools;
import org.kantor.tools.catalog.Tool;
import org.kantor.tools.catalog.ToolArguments;
import org.kantor.tools.catalog.ToolCatalog;
import org.kantor.tools.catalog.ToolInputException;
import org.kantor.tools.catalog.ToolRequest;
import org.kantor.tools.catalog.ToolResult;
import org.kantor.musicxml.ScoreFileException;

/**
 * {@code kantor serve}: Kantor's tools over HTTP on 127.0.0.1, for the MuseScore plugins. Routes are a
 * few lines each; access checks, limits and errors are handled once, here. Nothing is written to disk
 * except, should the HTTP layer need to spool an upload, into a temporary folder the server owns and
 * removes when it stops.
 */
public final class BridgeServer implements AutoCloseable {

    private static final String HEALTH = "/api/health";

    private final Javalin app;
    private final ToolExecutor executor;
    private final Path scratch;
    private final StandardTools tools;
    private final JobBoard jobs;
    private final ToolCatalog catalog;

    private BridgeServer(Javalin app, ToolExecutor executor, JobBoard jobs, Path scratch, StandardTools tools) {
        this.jobs = jobs;
        this.app = app;
        this.catalog = tools.catalog();
        this.executor = executor;
        this.scratch = scratch;
        this.tools = tools;
    }

    /** Starts a server with the standard tools; {@code log} receives one line per request. */
    public static BridgeServer start(ServerSettings settings, Consumer<String> log) throws IOException {
        StandardTools tools = new StandardTools(ServerSettings.MAX_RECORDING_SECONDS);
        ToolCatalog catalog = tools.catalog();
        Path scratch = Files.createTempDirectory("kantor-serve-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        ToolExecutor executor = new ToolExecutor(settings.workers(), settings.waiting(), settings.timeLimit());
        JobBoard jobs = new JobBoard(1, ServerSettings.JOBS_HELD, ServerSettings.JOB_TIME_LIMIT, ServerSettings.KEEP_FINISHED_JOBS, log);
        RequestLog requests = new RequestLog(log);
        NoteListHarmonizer noteList = new NoteListHarmonizer(tools.harmonize());
        NoteListTools noteTools = new NoteListTools(catalog);
        String version = version();
        int[] boundPort = new int[1];
        AccessGuard[] guard = new AccessGuard[1];

        Javalin app = Javalin.create(config -> {
            config.jetty.host = "127.0.0.1";
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            config.jetty.port = settings.port();
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.jetty.multipartConfig.cacheDirectory(scratch.toString());
            config.jetty.multipartConfig.maxFileSize(settings.maxBodyBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(settings.maxBodyBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(Integer.MAX_VALUE, settings.maxBodyBytes()), SizeUnit.BYTES);
            config.requestLogger.http((ctx, millis) -> requests.log(ctx.method().name(), ctx.path(), ctx.attribute("tool"),
                    ctx.req().getContentLengthLong() < 0 ? 0 : ctx.req().getContentLengthLong(), bytesOut(ctx), millis,
                    ctx.statusCode(), outcome(ctx)));

            config.routes.before(ctx -> {
                ctx.header("Cache-Control", "no-store");
                ctx.header("X-Content-Type-Options", "nosniff");
                guard[0].checkHostAndOrigin(ctx.header("Host"), ctx.header("Origin"));
                String origin = ctx.header("Origin");
                if (origin != null) {
                    ctx.header("Access-Control-Allow-Origin", origin);
                    ctx.header("Vary", "Origin");
                }
                if (ctx.method().name().equals("OPTIONS")) {
                    return;
                }
                if (!ctx.path().equals(HEALTH)) {
                    guard[0].checkToken(ctx.header("Authorization"));
                }
                if (ctx.req().getContentLengthLong() > settings.maxBodyBytes()) {
                    throw ScoreUpload.tooLarge(settings.maxBodyBytes());
                }
            });
            config.routes.options("/api/*", ctx -> {
                ctx.header("Access-Control-Allow-Methods", "GET, POST, DELETE");
                ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
                ctx.status(204);
            });
            config.routes.get(HEALTH, ctx -> {
                JsonObject health = new JsonObject();
                health.addProperty("status", "ok");
                health.addProperty("service", "kantor");
                health.addProperty("version", version);
                json(ctx, health.toString());
            });
            config.routes.get("/api/tools", ctx -> json(ctx, ToolDescriptions.catalog(catalog).toString()));
            config.routes.get("/api/openapi.json", ctx -> json(ctx, OpenApiDocument.of(catalog, version, boundPort[0]).toString()));
            config.routes.get("/api/tools/{tool}", ctx -> {
                ctx.header("Allow", "POST");
                throw new ProblemException(405, "method-not-allowed", "Method not allowed",
                        "a tool is run with POST and the score as the body; GET /api/tools describes the tools");
            });
            config.routes.post("/api/tools/{tool}", ctx -> {
                Tool tool = tool(catalog, ctx);
                ScoreUpload upload = ScoreUpload.of(ctx, settings.maxBodyBytes(), tool.takes());
                ToolArguments arguments = ToolArguments.of(tool.name(), tool.parameters(), upload.parameters(), "");
                tool.check(arguments);
                ToolResult result = executor.run(tool.title(), () -> tool.run(new ToolRequest(upload.files(), arguments)));
                result.facts().forEach((k, v) -> ctx.header("X-Kantor-" + k, v));
                send(ctx, result.body(), result.mediaType());
            });
            config.routes.post("/api/jobs/{tool}", ctx -> {
                Tool tool = tool(catalog, ctx);
                ScoreUpload upload = ScoreUpload.of(ctx, settings.maxBodyBytes(), tool.takes());
                ToolArguments arguments = ToolArguments.of(tool.name(), tool.parameters(), upload.parameters(), "");
                tool.check(arguments);
                JobBoard.Job job = jobs.submit(tool.name(), progress -> tool.run(new ToolRequest(upload.files(), arguments, progress)));
                ctx.status(202);
                ctx.header("Location", JobJson.address(job));
                json(ctx, JobJson.of(job).toString());
            });
            config.routes.get("/api/jobs/{id}", ctx -> json(ctx, JobJson.of(job(jobs, ctx.pathParam("id"))).toString()));
            config.routes.delete("/api/jobs/{id}", ctx -> {
                String id = ctx.pathParam("id");
                json(ctx, JobJson.of(jobs.cancel(id).orElseThrow(() -> JobJson.noSuchJob(id))).toString());
            });
            config.routes.get("/api/jobs/{id}/result", ctx -> {
                JobBoard.Job job = job(jobs, ctx.pathParam("id"));
                switch (job.state()) {
                    case QUEUED, RUNNING -> throw new ProblemException(409, "not-ready", "Not ready yet", "the " + job.tool + " job is "
                            + job.state().jsonName() + " (" + Math.round(job.progress() * 100) + "% done); ask " + JobJson.address(job)
                            + " until its state is done", Map.of("Retry-After", "2"));
                    case CANCELLED -> throw new ProblemException(410, "cancelled", "Job cancelled", "the " + job.tool + " job was cancelled");
                    case FAILED -> {
                        jobs.take(job);
                        throw job.problem();
                    }
                    default -> {
                        ToolResult result = jobs.take(job);
                        result.facts().forEach((k, v) -> ctx.header("X-Kantor-" + k, v));
                        send(ctx, result.body(), result.mediaType());
                    }
                }
            });
            config.routes.post("/api/notes/{tool}", ctx -> {
                String name = ctx.pathParam("tool");
                if (!name.equals("harmonize") && !NoteListTools.TOOLS.contains(name)) {
                    throw new ProblemException(404, "no-such-tool", "No such tool", "note lists go to harmonize, "
                            + String.join(", ", NoteListTools.TOOLS) + "; not \"" + name + "\"");
                }
                ctx.attribute("tool", name + "-notes");
                String body = new String(ScoreUpload.read(ctx.req().getInputStream(), settings.maxBodyBytes()), StandardCharsets.UTF_8);
                String answer = executor.run(catalog.find(name).orElseThrow().title(),
                        () -> name.equals("harmonize") ? noteList.harmonize(body) : noteTools.run(name, body));
                json(ctx, answer);
            });
            config.routes.exception(ProblemException.class, (e, ctx) -> problem(ctx, e));
            config.routes.exception(ToolInputException.class, (e, ctx) -> problem(ctx, Problems.of(e)));
            config.routes.exception(ScoreFileException.class, (e, ctx) -> problem(ctx, Problems.of(e)));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus() == 413
                    ? ScoreUpload.tooLarge(settings.maxBodyBytes())
                    : new ProblemException(e.getStatus(), "http-" + e.getStatus(), "Request refused", e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.accept("internal error on " + ctx.path() + ": " + e);
                problem(ctx, Problems.internal(e));
            });
            config.routes.error(404, ctx -> {
                if (!isProblem(ctx)) {
                    problem(ctx, new ProblemException(404, "not-found", "Not found",
                            "no such address: " + ctx.path() + "; the API is described at /api/openapi.json"));
                }
            });
            config.routes.error(405, ctx -> {
                if (!isProblem(ctx)) {
                    problem(ctx, new ProblemException(405, "method-not-allowed", "Method not allowed", ctx.method() + " is not used on " + ctx.path()));
                }
            });
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            executor.close();
            jobs.close();
            tools.close();
            deleteTree(scratch);
            throw new IOException("cannot listen on 127.0.0.1:" + settings.port() + " (" + rootMessage(e) + "); is another server running there?"
                    + " Choose another with --port", e);
        }
        boundPort[0] = app.port();
        guard[0] = new AccessGuard(app.port(), settings.allowedOrigins(), settings.token(),
                settings.tokenFile() == null ? "the token file" : settings.tokenFile().toString());
        return new BridgeServer(app, executor, jobs, scratch, tools);
    }

    private static Tool tool(ToolCatalog catalog, Context ctx) {
        String name = ctx.pathParam("tool");
        ctx.attribute("tool", name);
        return catalog.find(name).orElseThrow(() -> new ProblemException(404, "no-such-tool", "No such tool",
                "there is no tool \"" + name + "\"; the tools are " + String.join(", ", catalog.names())));
    }

    private static JobBoard.Job job(JobBoard jobs, String id) {
        return jobs.find(id).orElseThrow(() -> JobJson.noSuchJob(id));
    }

    public int port() {
        return app.port();
    }

    /** The names of the tools served, in menu order. */
    public java.util.List<String> toolNames() {
        return catalog.names();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Loads the harmony model now, so the first harmonization does not wait for it. */
    public void warmUp() {
        tools.warmUp();
    }

    @Override
    public void close() {
        app.stop();
        executor.close();
        jobs.close();
        tools.close();
        deleteTree(scratch);
    }

    private static void json(Context ctx, String json) {
        send(ctx, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static void send(Context ctx, byte[] body, String mediaType) {
        ctx.attribute("bytesOut", (long) body.length);
        ctx.attribute("outcome", "ok");
        ctx.contentType(mediaType.startsWith("application/json") || mediaType.endsWith("+xml") ? mediaType + "; charset=utf-8" : mediaType);
        ctx.result(body);
    }

    /** An RFC 9457 problem as JSON; {@code instance} is the address it concerns. */
    static JsonObject problemJson(ProblemException e, String instance) {
        JsonObject p = new JsonObject();
        p.addProperty("type", e.type());
        p.addProperty("title", e.title());
        p.addProperty("status", e.status());
        p.addProperty("detail", e.getMessage());
        p.addProperty("instance", instance);
        return p;
    }

    private static void problem(Context ctx, ProblemException e) {
        byte[] body = problemJson(e, ctx.path()).toString().getBytes(StandardCharsets.UTF_8);
        e.headers().forEach(ctx::header);
        ctx.status(e.status());
        ctx.attribute("bytesOut", (long) body.length);
        ctx.attribute("outcome", e.slug());
        ctx.contentType("application/problem+json; charset=utf-8");
        ctx.result(body);
    }

    private static boolean isProblem(Context ctx) {
        return ctx.attribute("outcome") != null;
    }

    private static long bytesOut(Context ctx) {
        Long n = ctx.attribute("bytesOut");
        return n == null ? 0 : n;
    }

    private static String outcome(Context ctx) {
        String o = ctx.attribute("outcome");
        return o == null ? (ctx.statusCode() < 400 ? "ok" : "error") : o;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    static String version() {
        String v = BridgeServer.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover empty temporary folder is harmless
        }
    }

}
