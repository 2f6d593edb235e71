package org.kantor.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.kantor.tools.catalog.ToolInput;

/**
 * The files a batch run works on, from what the user named: folders (walked, keeping the files the tool reads), globs
 * ({@code scores/**}{@code /*.mxl}), list files ({@code @list.txt}, one path a line, relative to the list) and single
 * files. Each gets an output name, its path below the folder or glob it came from, unique in the run.
 */
final class InputFinder {

    private final ToolInput takes;
    private final Path outFolder;

    InputFinder(ToolInput takes, Path outFolder) {
        this.takes = takes;
        this.outFolder = outFolder.toAbsolutePath().normalize();
    }

    /** The inputs in a stable order (sorted by path), each once. */
    List<BatchInput> find(List<String> named) throws IOException {
        Map<Path, String> found = new LinkedHashMap<>();
        for (String name : named) {
            if (name.startsWith("@")) {
                Path list = Path.of(name.substring(1));
                if (!Files.isRegularFile(list)) {
                    throw new IOException("the list file " + list + " does not exist");
                }
                for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                    String entry = line.strip();
                    if (!entry.isEmpty() && !entry.startsWith("#")) {
                        Path file = list.toAbsolutePath().getParent().resolve(entry).normalize();
                        found.putIfAbsent(file, baseName(file));
                    }
                }
            } else if (isGlob(name)) {
                glob(name, found);
            } else if (Files.isDirectory(Path.of(name))) {
                walk(Path.of(name), null, found);
            } else {
                Path file = Path.of(name).toAbsolutePath().normalize();
                found.putIfAbsent(file, baseName(file));
            }
        }
        List<Path> paths = new ArrayList<>(found.keySet());
        paths.sort(null);
        Map<String, Integer> used = new HashMap<>();
        List<BatchInput> inputs = new ArrayList<>();
        for (Path p : paths) {
            String output = found.get(p);
            int n = used.merge(output, 1, Integer::sum);
            inputs.add(new BatchInput(p.toString(), n == 1 ? output : output + "-" + n));
        }
        return inputs;
    }

    private void glob(String pattern, Map<Path, String> found) throws IOException {
        String normalized = pattern.replace('\\', '/');
        int firstGlob = firstGlobCharacter(normalized);
        int cut = normalized.lastIndexOf('/', firstGlob);
        Path base = Path.of(cut < 0 ? "." : normalized.substring(0, Math.max(cut, 1)));
        String relative = cut < 0 ? normalized : normalized.substring(cut + 1);
        if (!Files.isDirectory(base)) {
            throw new IOException("no folder " + base + " for " + pattern);
        }
        walk(base, FileSystems.getDefault().getPathMatcher("glob:" + relative), found);
    }

    private void walk(Path folder, PathMatcher matcher, Map<Path, String> found) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(outFolder))
                    .filter(f -> !hidden(root.relativize(f)))
                    .filter(f -> matcher == null ? InputKinds.reads(takes, f) : matcher.matches(root.relativize(f)))
                    .forEach(f -> found.putIfAbsent(f, withoutExtension(root.relativize(f).toString())));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGlob(String name) {
        return firstGlobCharacter(name) >= 0;
    }

    private static int firstGlobCharacter(String name) {
        for (int i = 0; i < name.length(); i++) {
            if ("*?[{".indexOf(name.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String baseName(Path file) {
        return withoutExtension(file.getFileName() == null ? "input" : file.getFileName().toString());
    }

    private static String withoutExtension(String name) {
        return name.replaceFirst("\\.[^./]*$", "");
    }
}
