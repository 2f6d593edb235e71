package org.kantor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kantor.models.CompactWeights;
import org.kantor.models.harmony.CoconetConfig;
import org.kantor.models.harmony.HarmonizerTraining;
import org.kantor.models.harmony.JsbChorales;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kantor train harmonizer}: the Coconet-style SATB model on the JSB chorales. */
@Command(name = "harmonizer", header = "Train the four-part harmony model on the JSB chorales.", mixinStandardHelpOptions = true,
        description = {"Train the four-part harmony model on the JSB chorales (train split), with orderless masks,",
            "random crops and transpositions. Logs loss and validation NLL; writes a checkpoint every few hundred steps;",
            "run it again with the same --out to resume."})
final class TrainHarmonizerCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "harmonizer-training", description = "Folder for checkpoints and progress (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--steps", defaultValue = "30000", description = "Total training steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--batch", defaultValue = "16", description = "Crops per step (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--crop", defaultValue = "64", description = "Crop length in 16th notes (default ${DEFAULT-VALUE}).")
    int crop;

    @Option(names = "--channels", defaultValue = "256", description = "Feature maps (default ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--blocks", defaultValue = "16", description = "Residual blocks (default ${DEFAULT-VALUE}).")
    int blocks;

    @Option(names = "--pitch-head", paramLabel = "CHANNELS", defaultValue = "0", description = "Add a pitch head: small convolutions "
            + "over time x pitch, of CHANNELS feature maps, that correct the logits so an interval is learned once for every pitch "
            + "(0: none; default ${DEFAULT-VALUE}).")
    int pitchChannels;

    @Option(names = "--pitch-blocks", defaultValue = "4", description = "Residual blocks of the pitch head (default ${DEFAULT-VALUE}).")
    int pitchBlocks;

    @Option(names = "--pitch-head-only", description = "Train the pitch head alone: the time network keeps the weights of "
            + "--warm-start (which then has no pitch head yet).")
    boolean pitchHeadOnly;

    @Option(names = "--learning-rate", defaultValue = "0.002", description = "Peak learning rate of the cosine schedule (default ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--checkpoint-every", defaultValue = "250", description = "Steps between checkpoints (default ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--validate-every", defaultValue = "1000", description = "Steps between validation NLL figures (default ${DEFAULT-VALUE}).")
    int validateEvery;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--warm-start", paramLabel = "RUN", description = "Start a new run from the best weights of the run in folder RUN (a wider network, --channels or beat phases, a deeper one, --blocks, or one with a new --pitch-head first computes what the old one did), or from a weights file of the same network such as the shipped coconet.kw.")
    Path warmStart;

    @Option(names = "--dropout", defaultValue = "0", description = "Share of each residual block's activations dropped while "
            + "training, against overfitting (0 to 0.5; default ${DEFAULT-VALUE}: none).")
    float dropout;

    @Option(names = "--chorales", defaultValue = "train", description = "What to train on: train (the train split; the "
            + "validation split measures progress) or train+valid (both, for a final model once a schedule has been chosen on "
            + "train alone: the last weights are the result; default ${DEFAULT-VALUE}).")
    String chorales;

    @Option(names = "--held-out", paramLabel = "N", defaultValue = "0", description = "With --chorales train+valid: the first N "
            + "validation chorales stay out of training, to measure the run on (eval harmonizer --split valid --limit N; "
            + "default ${DEFAULT-VALUE}).")
    int heldOut;

    @Option(names = "--export", paramLabel = "DIR", description = "Do not train: write the run's best weights in --out as the resource files the jar ships, into DIR.")
    Path export;

    @Option(names = "--precision", defaultValue = "int8", description = "How --export stores the large weight arrays: int8 "
            + "(8 bits with a scale per output channel, the size the jar ships) or half (16-bit floats; default ${DEFAULT-VALUE}).")
    String precision;

    @Override
    public Integer call() throws Exception {
        if (export != null) {
            CompactWeights.Precision storage = precision();
            if (HarmonizerTraining.readProgress(out) == null) {
                throw new Kantor.UserError(out + " is not a harmonizer training run (no " + HarmonizerTraining.PROGRESS + " and "
                        + HarmonizerTraining.WEIGHTS + " in it): nothing to export");
            }
            HarmonizerTraining.Progress p = HarmonizerTraining.export(out, export, storage);
            System.out.printf("exported step %d (best valid NLL %s) to %s%n", p.step(),
                    p.bestValidNll() == null ? "-" : String.format("%.4f", p.bestValidNll()), export);
            return Kantor.EXIT_OK;
        }
        if (!chorales.equals("train") && !chorales.equals("train+valid")) {
            throw new Kantor.UserError("--chorales takes train or train+valid (got " + chorales + ")");
        }
        if (heldOut != 0 && !chorales.equals("train+valid")) {
            throw new Kantor.UserError("--held-out keeps validation chorales out of a --chorales train+valid run; without it none are trained on");
        }
        Path data = SharedData.require("jsb-chorales");
        JsbChorales jsb = JsbChorales.load(data);
        if (heldOut < 0 || heldOut > jsb.valid().size()) {
            throw new Kantor.UserError("--held-out must be between 0 and " + jsb.valid().size() + " (got " + heldOut + ")");
        }
        if (steps < 1 || batch < 1 || crop < 8 || channels < 1 || blocks < 0 || pitchChannels < 0 || pitchBlocks < 0
                || checkpointEvery < 1 || validateEvery < 1) {
            throw new Kantor.UserError("steps, batch, channels and intervals must be positive, --blocks, --pitch-head and --pitch-blocks "
                    + "not negative, and --crop at least 8");
        }
        if (pitchHeadOnly && pitchChannels == 0) {
            throw new Kantor.UserError("--pitch-head-only trains a pitch head: give its size with --pitch-head C");
        }
        if (pitchHeadOnly && warmStart == null && HarmonizerTraining.readProgress(out) == null) {
            throw new Kantor.UserError("--pitch-head-only trains a head on a trained time network: give it with --warm-start RUN");
        }
        if (!(dropout >= 0 && dropout <= 0.5f)) {
            throw new Kantor.UserError("--dropout must be between 0 and 0.5 (got " + dropout + ")");
        }
        CoconetConfig config = new CoconetConfig(channels, blocks, CoconetConfig.DEFAULT.timeDilations(), CoconetConfig.DEFAULT.beatPhases())
                .withPitchHead(pitchChannels, pitchChannels > 0 ? pitchBlocks : 0);
        HarmonizerTraining.Settings settings = new HarmonizerTraining.Settings(config, steps, batch, crop, learningRate,
                checkpointEvery, validateEvery, seed, warmStart, dropout, chorales.equals("train+valid"), heldOut, pitchHeadOnly);
        HarmonizerTraining.Progress p;
        try {
            p = new HarmonizerTraining(settings, jsb, out, System.out).run();
        } catch (HarmonizerTraining.SettingsMismatch e) {
            throw new Kantor.UserError(e.getMessage());
        }
        System.out.printf("done: step %d, %s, %s of training; weights in %s%n", p.step(),
                p.lastValidNll() == null ? "no validation figure (trained on all the validation chorales)"
                        : p.bestValidNll() == null ? String.format("valid NLL %.4f on the %d held-out chorales", p.lastValidNll(), p.heldOut())
                        : String.format("valid NLL %.4f (best %.4f)", p.lastValidNll(), p.bestValidNll()),
                String.format("%.1f h", p.seconds() / 3600), out.resolve(HarmonizerTraining.WEIGHTS));
        return Kantor.EXIT_OK;
    }

    private CompactWeights.Precision precision() {
        return switch (precision) {
            case "int8" -> CompactWeights.Precision.INT8;
            case "half" -> CompactWeights.Precision.HALF;
            default -> throw new Kantor.UserError("--precision takes int8 or half (got " + precision + ")");
        };
    }
}
