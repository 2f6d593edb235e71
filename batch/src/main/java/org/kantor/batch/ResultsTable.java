package org.kantor.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.kantor.musicxml.AtomicFiles;

/**
 * The results table, one row per input, written as Parquet (for Spark, pandas, DuckDB: the figures as a map column) and as
 * CSV (for a spreadsheet: one column per figure). Both replace the previous table only once complete.
 */
final class ResultsTable {

    static final String PARQUET = "results.parquet";
    static final String CSV = "results.csv";
    private static final List<String> COLUMNS = List.of("path", "hash", "status", "error", "output", "read_ms", "tool_ms");

    static final StructType SCHEMA = new StructType()
            .add("path", DataTypes.StringType, false)
            .add("hash", DataTypes.StringType, false)
            .add("status", DataTypes.StringType, false)
            .add("error", DataTypes.StringType, false)
            .add("output", DataTypes.StringType, false)
            .add("read_ms", DataTypes.LongType, false)
            .add("tool_ms", DataTypes.LongType, false)
            .add("figures", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), false);

    private ResultsTable() {
    }

    static void write(SparkSession spark, List<ResultRow> rows, Path out) throws IOException {
        List<ResultRow> sorted = sorted(rows);
        writeParquet(spark, sorted, out);
        AtomicFiles.write(out.resolve(CSV), csv(sorted).getBytes(StandardCharsets.UTF_8));
    }

    static List<ResultRow> sorted(List<ResultRow> rows) {
        List<ResultRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(ResultRow::path));
        return sorted;
    }

    private static void writeParquet(SparkSession spark, List<ResultRow> rows, Path out) throws IOException {
        List<Row> data = new ArrayList<>();
        for (ResultRow r : rows) {
            data.add(RowFactory.create(r.path(), r.hash(), r.status(), r.error(), r.output(), r.readMillis(), r.toolMillis(), r.figures()));
        }
        Path temp = out.resolve("." + PARQUET + ".part");
        deleteTree(temp);
        spark.createDataFrame(data, SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite).parquet(temp.toUri().toString());
        Path target = out.resolve(PARQUET);
        deleteTree(target);
        Files.move(temp, target);
    }

    /** RFC 4180 CSV: the fixed columns, then one per figure any row has, in name order. */
    static String csv(List<ResultRow> rows) {
        TreeSet<String> figures = new TreeSet<>();
        rows.forEach(r -> figures.addAll(r.figures().keySet()));
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(COLUMNS);
        header.addAll(figures);
        line(csv, header);
        for (ResultRow r : rows) {
            List<String> cells = new ArrayList<>(List.of(r.path(), r.hash(), r.status(), r.error(), r.output(),
                    Long.toString(r.readMillis()), Long.toString(r.toolMillis())));
            figures.forEach(f -> cells.add(r.figures().getOrDefault(f, "")));
            line(csv, cells);
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            boolean quote = c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r");
            csv.append(i == 0 ? "" : ",").append(quote ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        csv.append("\r\n");
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
