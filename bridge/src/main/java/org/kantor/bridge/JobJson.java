package org.kantor.bridge;

import com.google.gson.JsonObject;

/** A job as the client reads it: state, progress, and where its result (or what went wrong) is. */
final class JobJson {

    private JobJson() {
    }

    static String address(JobBoard.Job job) {
        return "/api/jobs/" + job.id;
    }

    static JsonObject of(JobBoard.Job job) {
        JsonObject o = new JsonObject();
        o.addProperty("id", job.id);
        o.addProperty("tool", job.tool);
        o.addProperty("state", job.state().jsonName());
        o.addProperty("progress", Math.round(job.progress() * 1000) / 1000.0);
        o.addProperty("status", address(job));
        if (job.state() == JobBoard.State.DONE || job.state() == JobBoard.State.FAILED) {
            o.addProperty("result", address(job) + "/result");
        }
        if (job.problem() != null) {
            o.add("problem", Responses.problemJson(job.problem(), address(job)));
        }
        return o;
    }

    static ProblemException noSuchJob(String id) {
        String shown = id.length() > 40 || !id.matches("[0-9a-f]*") ? "that id" : id;
        return new ProblemException(404, "no-such-job", "No such job", "there is no job " + shown + "; a result is handed out once, and one"
                + " not fetched is kept " + ServerSettings.KEEP_FINISHED_JOBS.toMinutes() + " minutes");
    }
}
