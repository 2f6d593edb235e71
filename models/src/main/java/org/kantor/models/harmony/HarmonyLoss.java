package org.kantor.models.harmony;

import ai.djl.ndarray.NDArray;

/** Negative log-likelihood per unknown note: the cross-entropy of the true pitch at masked, sounding cells. */
public final class HarmonyLoss {

    private HarmonyLoss() {
    }

    /**
     * @param logits (batch, 4, steps, 46)
     * @param roll one-hot truth, same shape
     * @param weights (batch, 4, steps): 1 where the cell counts (masked and sounding)
     * @return the summed NLL (scalar) and, as second value, the number of counted cells
     */
    public static NDArray[] nll(NDArray logits, NDArray roll, NDArray weights) {
        NDArray logp = logits.logSoftmax(3);
        NDArray truth = logp.mul(roll).sum(new int[] {3});
        NDArray summed = truth.mul(weights).sum().neg();
        return new NDArray[] {summed, weights.sum()};
    }
}
