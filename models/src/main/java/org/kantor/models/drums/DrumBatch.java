package org.kantor.models.drums;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Windows as the network's arrays: the performances (the encoder's input and the targets) and the conditions. */
final class DrumBatch {

    final int batch;
    final int steps;
    private final float[] performance;
    private final float[] condition;
    private final DrumTask task;

    DrumBatch(List<GrooveCorpus.Window> windows, DrumTask task) {
        this.task = task;
        batch = windows.size();
        steps = windows.get(0).pattern().steps();
        int c = task.conditionSize();
        performance = new float[batch * steps * DrumPattern.PERFORMANCE_FEATURES];
        condition = new float[batch * steps * c];
        for (int b = 0; b < batch; b++) {
            DrumPattern w = windows.get(b).pattern();
            double tempo = windows.get(b).piece().performance().tempo();
            for (int s = 0; s < steps; s++) {
                int row = b * steps + s;
                w.performanceFeatures(s, performance, row * DrumPattern.PERFORMANCE_FEATURES);
                task.condition(w, tempo, s, condition, row * c);
            }
        }
    }

    NDArray performanceArray(NDManager m) {
        return m.create(performance, new Shape(batch, steps, DrumPattern.PERFORMANCE_FEATURES));
    }

    NDArray conditionArray(NDManager m) {
        return m.create(condition, new Shape(batch, steps, task.conditionSize()));
    }
}
