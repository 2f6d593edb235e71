package org.kantor.batch;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session a batch run works in: the master asked for; else the one spark-submit set; else Spark embedded in this
 * process on every core. Embedded, it listens on the loopback only and shows no web UI: Kantor opens no connection it was
 * not asked for.
 */
final class BatchSpark {

    static final String EMBEDDED = "local[*]";

    private BatchSpark() {
    }

    static SparkSession session(String master) {
        String chosen = master != null ? master : System.getProperty("spark.master", EMBEDDED);
        SparkSession.Builder builder = SparkSession.builder().appName("kantor batch").master(chosen)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "4");
        if (chosen.startsWith("local")) {
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        return spark;
    }
}
