package org.kantor.bridge;

import static org.kantor.bridge.Responses.json;
import static org.kantor.bridge.Responses.send;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.kantor.tools.catalog.StandardTools;
import org.kantor.tools.catalog.Tool;
import org.kantor.tools.catalog.ToolArguments;
import org.kantor.tools.catalog.ToolCatalog;
import org.kantor.tools.catalog.ToolRequest;
import org.kantor.tools.catalog.ToolResult;

/** The routes that run tools: directly, as jobs, and on MuseScore 4's note lists; each a few lines on the catalog. */
final class ToolRoutes {

    private final ToolCatalog catalog;
    private final long maxBodyBytes;
    private final ToolExecutor executor;
    private final JobBoard jobs;
    private final NoteListHarmonizer noteList;
    private final NoteListTools noteTools;

    ToolRoutes(StandardTools tools, long maxBodyBytes, ToolExecutor executor, JobBoard jobs) {
        this.catalog = tools.catalog();
        this.maxBodyBytes = maxBodyBytes;
        this.executor = executor;
        this.jobs = jobs;
        this.noteList = new NoteListHarmonizer(tools.harmonize());
        this.noteTools = new NoteListTools(tools);
    }

    /** POST /api/tools/{tool}: the answer when the work is done (within the request time limit). */
    void run(Context ctx) throws Exception {
        Tool tool = tool(ctx);
        Upload upload = upload(ctx, tool);
        ToolResult result = executor.run(tool.title(), () -> tool.run(new ToolRequest(upload.files, upload.arguments)));
        answer(ctx, result);
    }

    /** GET /api/tools/{tool}. */
    void refuseGet(Context ctx) {
        ctx.header("Allow", "POST");
        throw new ProblemException(405, "method-not-allowed", "Method not allowed",
                "a tool is run with POST and the score as the body; GET /api/tools describes the tools");
    }

    /** POST /api/jobs/{tool}: 202 at once with the job. */
    void startJob(Context ctx) throws Exception {
        Tool tool = tool(ctx);
        Upload upload = upload(ctx, tool);
        JobBoard.Job job = jobs.submit(tool.name(), progress -> tool.run(new ToolRequest(upload.files, upload.arguments, progress)));
        ctx.status(202);
        ctx.header("Location", JobJson.address(job));
        json(ctx, JobJson.of(job).toString());
    }

    /** GET /api/jobs/{id}. */
    void jobState(Context ctx) {
        json(ctx, JobJson.of(job(ctx.pathParam("id"))).toString());
    }

    /** DELETE /api/jobs/{id}. */
    void cancelJob(Context ctx) {
        String id = ctx.pathParam("id");
        json(ctx, JobJson.of(jobs.cancel(id).orElseThrow(() -> JobJson.noSuchJob(id))).toString());
    }

    /** GET /api/jobs/{id}/result: handed out once. */
    void jobResult(Context ctx) {
        JobBoard.Job job = job(ctx.pathParam("id"));
        switch (job.state()) {
            case QUEUED, RUNNING -> throw new ProblemException(409, "not-ready", "Not ready yet", "the " + job.tool + " job is "
                    + job.state().jsonName() + " (" + Math.round(job.progress() * 100) + "% done); ask " + JobJson.address(job)
                    + " until its state is done", Map.of("Retry-After", "2"));
            case CANCELLED -> throw new ProblemException(410, "cancelled", "Job cancelled", "the " + job.tool + " job was cancelled");
            case FAILED -> {
                jobs.take(job);
                throw job.problem();
            }
            default -> answer(ctx, jobs.take(job));
        }
    }

    /** POST /api/notes/{tool}: MuseScore 4's note lists. */
    void noteList(Context ctx) throws Exception {
        String name = ctx.pathParam("tool");
        if (!name.equals("harmonize") && !NoteListTools.TOOLS.contains(name)) {
            throw new ProblemException(404, "no-such-tool", "No such tool", "note lists go to harmonize, "
                    + String.join(", ", NoteListTools.TOOLS) + "; not \"" + name + "\"");
        }
        ctx.attribute("tool", name + "-notes");
        String body = new String(ScoreUpload.read(ctx.req().getInputStream(), maxBodyBytes), StandardCharsets.UTF_8);
        json(ctx, executor.run(catalog.find(name).orElseThrow().title(),
                () -> name.equals("harmonize") ? noteList.harmonize(body) : noteTools.run(name, body)));
    }

    private Tool tool(Context ctx) {
        String name = ctx.pathParam("tool");
        ctx.attribute("tool", name);
        return catalog.find(name).orElseThrow(() -> new ProblemException(404, "no-such-tool", "No such tool",
                "there is no tool \"" + name + "\"; the tools are " + String.join(", ", catalog.names())));
    }

    private JobBoard.Job job(String id) {
        return jobs.find(id).orElseThrow(() -> JobJson.noSuchJob(id));
    }

    /** The files and checked arguments of a request, refused before any work when a value is wrong. */
    private record Upload(java.util.List<org.kantor.tools.catalog.ToolFile> files, ToolArguments arguments) {
    }

    private Upload upload(Context ctx, Tool tool) throws java.io.IOException {
        ScoreUpload upload = ScoreUpload.of(ctx, maxBodyBytes, tool.takes());
        ToolArguments arguments = ToolArguments.of(tool.name(), tool.parameters(), upload.parameters(), "");
        tool.check(arguments);
        return new Upload(upload.files(), arguments);
    }

    private static void answer(Context ctx, ToolResult result) {
        result.facts().forEach((k, v) -> ctx.header("X-Kantor-" + k, v));
        send(ctx, result.body(), result.mediaType());
    }
}
