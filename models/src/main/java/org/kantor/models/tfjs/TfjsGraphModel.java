package org.kantor.models.tfjs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TensorFlow.js graph model (model.json plus one binary weights shard) executed op by op on DJL
 * arrays. Only the ops in {@link GraphOps} are known; loading a graph with any other op fails at
 * once, naming it, instead of at the first prediction.
 */
public final class TfjsGraphModel implements AutoCloseable {

    private final Map<String, GraphNode> nodes = new LinkedHashMap<>();
    private final Map<String, NDArray> constants = new HashMap<>();
    private final Map<String, NDArray> kernels = new ConcurrentHashMap<>();
    private final NDManager manager;

    private TfjsGraphModel(JsonObject modelJson, byte[] shard, NDManager manager) {
        this.manager = manager;
        JsonObject topology = modelJson.getAsJsonObject("modelTopology");
        for (JsonElement element : topology.getAsJsonArray("node")) {
            GraphNode node = GraphNode.of(element.getAsJsonObject());
            nodes.put(node.name(), node);
        }
        JsonObject group = modelJson.getAsJsonArray("weightsManifest").get(0).getAsJsonObject();
        GraphWeights.read(group, shard).forEach((name, constant) -> {
            NDArray array = constant.floats() != null
                    ? manager.create(constant.floats(), new Shape(constant.shape()))
                    : manager.create(constant.ints(), new Shape(constant.shape()));
            constants.put(name, array);
        });
        for (GraphNode node : nodes.values()) {
            if ("Const".equals(node.op()) && !constants.containsKey(node.name())) {
                throw new IllegalArgumentException("constant " + node.name() + " is missing from the weights");
            }
        }
    }

    /** Reads model.json and its shard (the manifest's first path, resolved by {@code shards}). */
    public static TfjsGraphModel load(InputStream modelJson, ShardSource shards, NDManager parent) throws IOException {
        JsonObject json = JsonParser.parseReader(new InputStreamReader(modelJson, StandardCharsets.UTF_8)).getAsJsonObject();
        String path = json.getAsJsonArray("weightsManifest").get(0).getAsJsonObject().getAsJsonArray("paths").get(0)
                .getAsString();
        byte[] shard;
        try (InputStream in = shards.open(path)) {
            shard = in.readAllBytes();
        }
        return new TfjsGraphModel(json, shard, parent.newSubManager());
    }

    /** Opens a weights shard by the file name the manifest gives. */
    public interface ShardSource {
        InputStream open(String name) throws IOException;
    }

    /**
     * Runs the graph: {@code inputs} maps placeholder names to arrays; the results are the named
     * outputs ("Identity:0" or "Identity"), attached to {@code resultManager}.
     */
    public NDList run(Map<String, NDArray> inputs, List<String> outputs, NDManager resultManager) {
        List<String> outputNodes = new ArrayList<>();
        for (String output : outputs) {
            outputNodes.add(nodeName(output));
        }
        List<GraphNode> order = executionOrder(outputNodes);
        Map<String, Integer> consumers = new HashMap<>();
        for (GraphNode node : order) {
            for (String input : node.inputs()) {
                consumers.merge(nodeName(input), 1, Integer::sum);
            }
        }
        outputNodes.forEach(name -> consumers.merge(name, 1, Integer::sum));
        try (NDManager scope = manager.newSubManager()) {
            Map<String, NDArray> values = new HashMap<>();
            for (GraphNode node : order) {
                NDArray value;
                if ("Const".equals(node.op())) {
                    value = constants.get(node.name());
                } else if ("Placeholder".equals(node.op())) {
                    value = inputs.get(node.name());
                    if (value == null) {
                        throw new IllegalArgumentException("no value given for the input " + node.name());
                    }
                } else {
                    List<NDArray> in = new ArrayList<>(node.inputs().size());
                    for (String input : node.inputs()) {
                        in.add(values.get(nodeName(input)));
                    }
                    value = GraphOps.apply(node, in, scope, this::kernel);
                    if (in.contains(value)) { // an op that passes its input through gets its own handle
                        value = value.duplicate();
                    }
                    value.attach(scope);
                    for (String input : node.inputs()) {
                        release(nodeName(input), values, consumers);
                    }
                }
                values.put(node.name(), value);
            }
            NDList result = new NDList();
            for (String name : outputNodes) {
                NDArray value = values.get(name).duplicate();
                value.attach(resultManager);
                result.add(value);
            }
            return result;
        }
    }

    /** Frees an intermediate value as soon as its last reader has run, so that long inputs stay small. */
    private void release(String name, Map<String, NDArray> values, Map<String, Integer> consumers) {
        int left = consumers.merge(name, -1, Integer::sum);
        NDArray value = values.get(name);
        String op = nodes.get(name).op();
        if (left == 0 && value != null && !"Const".equals(op) && !"Placeholder".equals(op)) {
            value.close();
            values.remove(name);
        }
    }

    private NDArray kernel(String weightName, NDArray hwio) {
        String name = nodeName(weightName);
        if (!constants.containsKey(name)) {
            return hwio.transpose(3, 2, 0, 1);
        }
        return kernels.computeIfAbsent(name, n -> {
            NDArray oihw = hwio.transpose(3, 2, 0, 1).duplicate();
            oihw.attach(manager);
            return oihw;
        });
    }

    private List<GraphNode> executionOrder(List<String> outputNodes) {
        List<GraphNode> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Deque<String[]> stack = new ArrayDeque<>();
        for (String output : outputNodes) {
            stack.push(new String[] {output, "enter"});
        }
        while (!stack.isEmpty()) {
            String[] item = stack.pop();
            String name = item[0];
            if (done.contains(name)) {
                continue;
            }
            GraphNode node = nodes.get(name);
            if (node == null) {
                throw new IllegalArgumentException("the graph has no node " + name);
            }
            if ("exit".equals(item[1])) {
                done.add(name);
                order.add(node);
                continue;
            }
            stack.push(new String[] {name, "exit"});
            for (String input : node.inputs()) {
                if (!done.contains(nodeName(input))) {
                    stack.push(new String[] {nodeName(input), "enter"});
                }
            }
        }
        return order;
    }

    private static String nodeName(String value) {
        int colon = value.lastIndexOf(':');
        return colon > 0 ? value.substring(0, colon) : value;
    }

    @Override
    public void close() {
        manager.close();
    }
}
