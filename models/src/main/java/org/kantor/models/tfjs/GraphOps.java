package org.kantor.models.tfjs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

import java.util.ArrayList;
import java.util.List;

/**
 * TensorFlow's semantics for the operations that TensorFlow.js graph models of convolutional audio
 * networks use, on DJL arrays. Each method is one TensorFlow op; anything outside that set fails
 * with the op's name rather than computing something else.
 */
final class GraphOps {

    /** Converts a constant conv kernel once, from TensorFlow's HWIO to PyTorch's OIHW. */
    interface KernelCache {
        NDArray oihw(String weightName, NDArray hwio);
    }

    private GraphOps() {
    }

    static NDArray apply(GraphNode node, List<NDArray> in, NDManager manager, KernelCache kernels) {
        return switch (node.op()) {
            case "Identity" -> in.get(0);
            case "Shape" -> manager.create(toInts(in.get(0).getShape().getShape()));
            case "StridedSlice" -> stridedSlice(node, in.get(0), in.get(1).toIntArray(), in.get(2).toIntArray(),
                    in.get(3).toIntArray());
            case "Pack" -> NDArrays.stack(new NDList(in), axis((int) node.integer("axis", 0), in.get(0).getShape().dimension() + 1));
            case "ConcatV2" -> {
                List<NDArray> values = in.subList(0, in.size() - 1);
                int axis = axis(in.get(in.size() - 1).toIntArray()[0], values.get(0).getShape().dimension());
                yield NDArrays.concat(new NDList(values), axis);
            }
            case "Reshape" -> in.get(0).reshape(toLongs(in.get(1).toIntArray()));
            case "Transpose" -> in.get(0).transpose(in.get(1).toIntArray());
            case "ExpandDims" -> in.get(0).expandDims(axis(scalar(in.get(1)), in.get(0).getShape().dimension() + 1));
            case "Squeeze" -> squeeze(in.get(0), node.integers("squeeze_dims"));
            case "Pad" -> constantPad(in.get(0), in.get(1).toIntArray());
            case "MirrorPad" -> mirrorPad(node, in.get(0), in.get(1).toIntArray());
            case "Conv2D" -> conv2d(node, in.get(0), kernels.oihw(node.inputs().get(1), in.get(1)), null, List.of());
            case "_FusedConv2D" -> conv2d(node, in.get(0), kernels.oihw(node.inputs().get(1), in.get(1)), in.get(2),
                    node.texts("fused_ops"));
            case "Neg" -> in.get(0).neg();
            case "Square" -> in.get(0).square();
            case "Sqrt" -> in.get(0).sqrt();
            case "Log" -> in.get(0).log();
            case "Sigmoid" -> in.get(0).getNDArrayInternal().sigmoid();
            case "Mul" -> in.get(0).mul(in.get(1));
            case "Add", "AddV2" -> in.get(0).add(in.get(1));
            case "Sub" -> in.get(0).sub(in.get(1));
            case "DivNoNan" -> divNoNan(in.get(0), in.get(1));
            case "Sum", "Min", "Max" -> reduce(node, in.get(0), in.get(1).toIntArray());
            default -> throw new UnsupportedOperationException("TensorFlow op " + node.op() + " (node " + node.name()
                    + ") is not implemented");
        };
    }

    /** x / y, and 0 where y is 0 (y may broadcast). */
    private static NDArray divNoNan(NDArray x, NDArray y) {
        NDArray zero = y.eq(0).toType(y.getDataType(), false);
        return x.div(y.add(zero)).mul(zero.neg().add(1));
    }

    private static NDArray reduce(GraphNode node, NDArray x, int[] axes) {
        int rank = x.getShape().dimension();
        int[] normalized = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            normalized[i] = axis(axes[i], rank);
        }
        boolean keep = node.flag("keep_dims", false);
        if ("Sum".equals(node.op())) {
            return x.sum(normalized, keep);
        }
        // PyTorch reduces min and max over one axis at a time: go from the last axis so indices stay valid
        java.util.Arrays.sort(normalized);
        NDArray result = x;
        for (int i = normalized.length - 1; i >= 0; i--) {
            int[] one = {normalized[i]};
            result = "Min".equals(node.op()) ? result.min(one, keep) : result.max(one, keep);
        }
        return result;
    }

    private static NDArray squeeze(NDArray x, int[] dims) {
        if (dims.length == 0) {
            return x.squeeze();
        }
        int rank = x.getShape().dimension();
        int[] axes = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            axes[i] = axis(dims[i], rank);
        }
        return x.squeeze(axes);
    }

    /** NHWC convolution with TensorFlow's SAME/VALID padding, optionally followed by BiasAdd and Relu. */
    private static NDArray conv2d(GraphNode node, NDArray nhwc, NDArray oihw, NDArray bias, List<String> fused) {
        if (!"NHWC".equals(node.text("data_format", "NHWC"))) {
            throw new UnsupportedOperationException("data format " + node.text("data_format", "") + " in " + node.name());
        }
        int[] strides = node.integers("strides");
        int[] dilations = node.integers("dilations");
        int strideH = strides.length == 4 ? strides[1] : 1;
        int strideW = strides.length == 4 ? strides[2] : 1;
        int dilationH = dilations.length == 4 ? dilations[1] : 1;
        int dilationW = dilations.length == 4 ? dilations[2] : 1;
        NDArray x = nhwc.transpose(0, 3, 1, 2);
        long kernelH = oihw.getShape().get(2);
        long kernelW = oihw.getShape().get(3);
        long padH = 0;
        long padW = 0;
        String padding = node.text("padding", "VALID");
        if ("SAME".equals(padding)) {
            long[] h = samePadding(x.getShape().get(2), kernelH, strideH, dilationH);
            long[] w = samePadding(x.getShape().get(3), kernelW, strideW, dilationW);
            if (h[0] == h[1] && w[0] == w[1]) {
                padH = h[0];
                padW = w[0];
            } else {
                x = x.pad(new Shape(w[0], w[1], h[0], h[1]), 0);
            }
        } else if (!"VALID".equals(padding)) {
            throw new UnsupportedOperationException("padding " + padding + " in " + node.name());
        }
        boolean biasFused = fused.contains("BiasAdd");
        NDArray out = Conv2d.conv2d(x, oihw, biasFused ? bias : null, new Shape(strideH, strideW),
                new Shape(padH, padW), new Shape(dilationH, dilationW), 1).singletonOrThrow();
        for (String op : fused) {
            switch (op) {
                case "BiasAdd" -> {
                }
                case "Relu" -> out = out.getNDArrayInternal().relu();
                default -> throw new UnsupportedOperationException("fused op " + op + " in " + node.name());
            }
        }
        return out.transpose(0, 2, 3, 1);
    }

    /** TensorFlow's SAME padding: the output has ceil(in / stride) positions; the odd pixel goes after. */
    private static long[] samePadding(long in, long kernel, long stride, long dilation) {
        long out = (in + stride - 1) / stride;
        long effective = (kernel - 1) * dilation + 1;
        long total = Math.max((out - 1) * stride + effective - in, 0);
        return new long[] {total / 2, total - total / 2};
    }

    private static NDArray constantPad(NDArray x, int[] paddings) {
        int rank = x.getShape().dimension();
        long[] torchOrder = new long[rank * 2]; // last axis first, as torch.nn.functional.pad wants
        for (int axis = 0; axis < rank; axis++) {
            torchOrder[2 * (rank - 1 - axis)] = paddings[2 * axis];
            torchOrder[2 * (rank - 1 - axis) + 1] = paddings[2 * axis + 1];
        }
        return x.pad(new Shape(torchOrder), 0);
    }

    /** REFLECT mode (the edge value is not repeated), axis by axis. */
    private static NDArray mirrorPad(GraphNode node, NDArray x, int[] paddings) {
        String mode = node.text("mode", "REFLECT");
        if (!"REFLECT".equals(mode)) {
            throw new UnsupportedOperationException("MirrorPad mode " + mode + " in " + node.name());
        }
        NDArray result = x;
        int rank = x.getShape().dimension();
        for (int axis = 0; axis < rank; axis++) {
            int before = paddings[2 * axis];
            int after = paddings[2 * axis + 1];
            if (before == 0 && after == 0) {
                continue;
            }
            long n = result.getShape().get(axis);
            List<NDArray> pieces = new ArrayList<>();
            if (before > 0) {
                pieces.add(result.get(NDIndex.sliceAxis(axis, 1, before + 1)).flip(axis));
            }
            pieces.add(result);
            if (after > 0) {
                pieces.add(result.get(NDIndex.sliceAxis(axis, n - 1 - after, n - 1)).flip(axis));
            }
            result = NDArrays.concat(new NDList(pieces), axis);
        }
        return result;
    }

    /** TensorFlow's StridedSlice with begin, end, shrink-axis and new-axis masks (no ellipsis). */
    private static NDArray stridedSlice(GraphNode node, NDArray x, int[] begin, int[] end, int[] strides) {
        long beginMask = node.integer("begin_mask", 0);
        long endMask = node.integer("end_mask", 0);
        long shrinkMask = node.integer("shrink_axis_mask", 0);
        long newAxisMask = node.integer("new_axis_mask", 0);
        if (node.integer("ellipsis_mask", 0) != 0) {
            throw new UnsupportedOperationException("StridedSlice with an ellipsis in " + node.name());
        }
        long[] inShape = x.getShape().getShape();
        NDIndex index = new NDIndex();
        List<Long> outShape = new ArrayList<>();
        List<Integer> flips = new ArrayList<>();
        int dim = 0;
        for (int i = 0; i < begin.length; i++) {
            if ((newAxisMask >> i & 1) == 1) {
                outShape.add(1L);
                continue;
            }
            long n = inShape[dim];
            if ((shrinkMask >> i & 1) == 1) {
                long at = begin[i] < 0 ? begin[i] + n : begin[i];
                index.addSliceDim(at, at + 1);
                dim++;
                continue;
            }
            long stride = strides[i];
            long count;
            if (stride > 0) {
                long b = (beginMask >> i & 1) == 1 ? 0 : clamp(begin[i] < 0 ? begin[i] + n : begin[i], 0, n);
                long e = (endMask >> i & 1) == 1 ? n : clamp(end[i] < 0 ? end[i] + n : end[i], 0, n);
                count = Math.max(0, (e - b + stride - 1) / stride);
                index.addSliceDim(b, Math.max(b, e), stride);
            } else {
                long b = (beginMask >> i & 1) == 1 ? n - 1 : clamp(begin[i] < 0 ? begin[i] + n : begin[i], -1, n - 1);
                long e = (endMask >> i & 1) == 1 ? -1 : clamp(end[i] < 0 ? end[i] + n : end[i], -1, n - 1);
                count = Math.max(0, (b - e + (-stride) - 1) / (-stride));
                long last = b + (count - 1) * stride;
                index.addSliceDim(count == 0 ? 0 : last, count == 0 ? 0 : b + 1, -stride);
                flips.add(dim);
            }
            outShape.add(count);
            dim++;
        }
        for (; dim < inShape.length; dim++) {
            index.addAllDim();
            outShape.add(inShape[dim]);
        }
        NDArray sliced = x.get(index);
        for (int axis : flips) {
            sliced = sliced.flip(axis);
        }
        return sliced.reshape(new Shape(outShape));
    }

    private static long clamp(long value, long low, long high) {
        return Math.max(low, Math.min(high, value));
    }

    private static int axis(int axis, int rank) {
        return axis < 0 ? axis + rank : axis;
    }

    private static int scalar(NDArray array) {
        return array.toIntArray()[0];
    }

    private static int[] toInts(long[] values) {
        int[] result = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (int) values[i];
        }
        return result;
    }

    private static long[] toLongs(int[] values) {
        long[] result = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
