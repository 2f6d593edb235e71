package org.kantor.bridge;

import static org.kantor.bridge.Responses.bytesOut;
import static org.kantor.bridge.Responses.isProblem;
import static org.kantor.bridge.Responses.json;
import static org.kantor.bridge.Responses.outcome;
import static org.kantor.bridge.Responses.problem;

import com.google.gson.JsonObject;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.kantor.tools.catalog.StandardTools;
import org.kantor.tools.catalog.ToolCatalog;
import org.kantor.tools.catalog.ToolInputException;
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
        ToolRoutes routes = new ToolRoutes(tools, settings.maxBodyBytes(), executor, jobs);
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
            config.routes.get("/api/tools/{tool}", routes::refuseGet);
            config.routes.post("/api/tools/{tool}", routes::run);
            config.routes.post("/api/jobs/{tool}", routes::startJob);
            config.routes.get("/api/jobs/{id}", routes::jobState);
            config.routes.delete("/api/jobs/{id}", routes::cancelJob);
            config.routes.get("/api/jobs/{id}/result", routes::jobResult);
            config.routes.post("/api/notes/{tool}", routes::noteList);
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
