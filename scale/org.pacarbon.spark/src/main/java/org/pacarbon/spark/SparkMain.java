package org.pacarbon.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.SparkConf;
import org.pacarbon.cli.Commands;

/**
 * The driver: the {@code ./pacarbon} commands with {@code assess --engine spark} available. Two ways in:
 * <ul>
 * <li>{@code ./pacarbon assess SPEC.json --out DIR --engine spark --master local[2]} (the script starts this class on
 * the job jar and the Spark libraries);</li>
 * <li>{@code spark-submit --class org.pacarbon.spark.SparkMain pacarbon-spark-VERSION.jar SPEC.json DIR [--lang zh]}
 * on a cluster: the master is spark-submit's.</li>
 * </ul>
 */
public final class SparkMain {
    private SparkMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line; returns the exit code. */
    public static int run(String[] args) {
        List<String> list = new ArrayList<>(List.of(args));
        if (!list.isEmpty() && list.get(0).endsWith(".json")) {
            // spark-submit ... SPEC.json DIR [options]
            if (list.size() < 2 || list.get(1).startsWith("--")) {
                System.err.println("usage: spark-submit --class " + SparkMain.class.getName() + " pacarbon-spark.jar SPEC.json OUTDIR"
                        + " [--lang en|zh] [--strict]");
                return 2;
            }
            List<String> a = new ArrayList<>(List.of("assess", list.get(0), "--out", list.get(1), "--engine", "spark"));
            a.addAll(list.subList(2, list.size()));
            list = a;
        }
        boolean verbose = list.remove("--verbose");
        org.pacarbon.cli.CliLogging.configure(verbose);
        int code = new Commands(System.out, System.err).withEngines((name, master, log) -> {
            SparkConf conf = new SparkConf();
            if (master != null) {
                conf.setMaster(master);
            }
            log.accept("starting Spark (" + (conf.contains("spark.master") ? conf.get("spark.master") : "no master") + ")");
            return SparkEngine.start(conf, log);
        }).run(list.toArray(new String[0]));
        OpenFiles.closeAll();
        System.out.flush();
        System.err.flush();
        return code;
    }
}
