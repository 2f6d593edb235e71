package org.kantor.models.harmony;

import ai.djl.ndarray.NDArray;

/** Negative log-likelihood of the unknown notes: the cross-entropy of the true pitch at masked, sounding cells. */
public final class HarmonyLoss {

    private HarmonyLoss() {
    }

    /**
     * @param logits (batch, 4, steps, 46)
     * @param roll one-hot truth, same shape
     * @param weights (batch, 4, steps): 1 where the cell counts (masked and sounding)
     * @return the orderless-NADE training objective: each example's mean NLL over its own unknown notes, averaged
     * over the batch. Pooling all unknown notes of a batch instead would let masks that hide nearly
     * everything outweigh those that hide a few notes in rich context; Coconet rescales its loss per
     * example the same way, and its frame-wise likelihood and late Gibbs steps both ask the model about
     * notes in rich context.
     */
    public static NDArray meanPerExample(NDArray logits, NDArray roll, NDArray weights) {
        NDArray logp = logits.logSoftmax(3);
        NDArray truth = logp.mul(roll).sum(new int[] {3});
        NDArray perExample = truth.mul(weights).sum(new int[] {1, 2}).neg();
        NDArray counted = weights.sum(new int[] {1, 2}).maximum(1f);
        return perExample.div(counted).mean();
    }
}
