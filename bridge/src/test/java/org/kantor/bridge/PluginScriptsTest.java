package org.kantor.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the node tests of the plugins' JavaScript (src/test/js): the MuseScore 4 plugin's note-list
 * exchange and the messages both plugins show. MuseScore 4 cannot be installed here; its QML only
 * passes cursor readings to these functions.
 */
class PluginScriptsTest {

    @Test
    void pluginJavaScriptPassesItsNodeTests() throws Exception {
        Process node = new ProcessBuilder("node", "--test", "--test-reporter=tap", "src/test/js/plugins.test.js").redirectErrorStream(true).start();
        assertTrue(node.waitFor(2, TimeUnit.MINUTES), "node finished");
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, node.exitValue(), output);
        assertTrue(output.contains("# fail 0") && !output.contains("# pass 0"), output);
    }
}
