package org.pacarbon.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.pacarbon.carbon.core.MeasureEngine;
import org.pacarbon.gis.core.GisException;
import org.pacarbon.gis.core.raster.GridSpec;
import org.pacarbon.zonal.core.CategoryEngine;

/**
 * The assessment's rasters measured on Apache Spark. Each layer's grid is cut into ranges of whole rows (multiples of
 * the file's tile height, so no tile is decoded by two tasks; about {@link #TASK_CELLS} cells each, and at least two
 * tasks per core); each task gets the zones whose extent meets its rows, opens the file itself (executors read the
 * same paths: a shared or local file system) and runs the local engine's exact per-cell code on its rows
 * ({@link CategoryEngine#run(org.pacarbon.gis.core.raster.RasterSource, CategoryEngine.Region, List, int[], int,
 * org.pacarbon.zonal.core.CellAreas.Model, int, int, java.util.function.DoubleConsumer, BooleanSupplier)}). The
 * driver adds the partial sums by zone: the answer is the local one up to the order of summation. A failed task is
 * retried by Spark; an input error is reported once, as the local command reports it.
 */
public final class SparkEngine implements MeasureEngine {
    /** Cells a task measures, about (64 MB of Float32 values). */
    static final long TASK_CELLS = 16L << 20;

    private final JavaSparkContext sc;
    private final boolean owned;
    private final Consumer<String> log;
    private final AtomicLong tasks = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private int stages;
    private final List<String> onDriver = new ArrayList<>();
    private long taskCells = TASK_CELLS;

    private SparkEngine(JavaSparkContext sc, boolean owned, Consumer<String> log) {
        this.sc = sc;
        this.owned = owned;
        this.log = log != null ? log : s -> { };
        sc.sc().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                tasks.incrementAndGet();
                if (end.taskInfo() != null && !end.taskInfo().successful()) {
                    failedAttempts.incrementAndGet();
                }
            }
        });
    }

    /**
     * Starts a Spark context for one assessment (stopped by {@link #close()}).
     *
     * @param conf  the configuration; its master ({@code local[N]}, {@code spark://host:port}, ...) is set by the caller
     *              or by spark-submit; {@code spark.pacarbon.taskCells} sets about how many cells a task measures
     */
    public static SparkEngine start(SparkConf conf, Consumer<String> log) {
        if (!conf.contains("spark.master")) {
            throw new IllegalArgumentException("--engine spark needs --master (local[N], local[N,RETRIES] or spark://HOST:PORT)");
        }
        String master = conf.get("spark.master");
        conf.setIfMissing("spark.app.name", "PA-Carbon assessment");
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (master.startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        String jar = jobJar();
        if (jar != null && !conf.contains("spark.jars") && !master.startsWith("local")) {
            conf.set("spark.jars", jar); // executors of a cluster fetch the job jar from the driver
        }
        SparkEngine e = new SparkEngine(new JavaSparkContext(conf), true, log);
        e.taskCells(conf.getLong("spark.pacarbon.taskCells", TASK_CELLS));
        return e;
    }

    /** An engine on a running context (kept running by {@link #close()}). */
    public static SparkEngine on(JavaSparkContext sc, Consumer<String> log) {
        return new SparkEngine(sc, false, log);
    }

    /** Sets about how many cells a task measures (tests cut small grids into many tasks). */
    public SparkEngine taskCells(long cells) {
        this.taskCells = Math.max(1, cells);
        return this;
    }

    /** @return the context */
    public JavaSparkContext context() {
        return sc;
    }

    /** The job jar this class was loaded from, or {@code null} when it runs from class folders. */
    private static String jobJar() {
        try {
            java.security.CodeSource cs = SparkEngine.class.getProtectionDomain().getCodeSource();
            String p = cs == null ? null : java.nio.file.Path.of(cs.getLocation().toURI()).toString();
            return p != null && p.endsWith(".jar") ? p : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** Rows [from, to) of a layer and the indices of the zones whose extent meets them. */
    record RowTask(int from, int to, int[] zones) implements Serializable {
    }

    /** A task's statistics: of its zones (in the order of {@link RowTask#zones}) and of the categories over its rows. */
    record Part(int[] zones, CategoryEngine.Result result) implements Serializable {
    }

    @Override
    public CategoryEngine.Result measure(Job job, BooleanSupplier cancelled) throws GisException {
        if (job.inputs().isEmpty()) {
            // a layer resampled to the common grid exists only in this process
            log.accept("layer " + job.layer() + ": measured on the driver (resampled to the common grid in this process)");
            onDriver.add(job.layer());
            return MeasureEngine.LOCAL.measure(job, cancelled);
        }
        GridSpec grid = job.source().grid();
        List<RowTask> plan = plan(job, grid, CategoryEngine.blockRows(job.source()));
        CategoryEngine.Result total = CategoryEngine.Result.empty(job.classes(), job.zones().size());
        if (plan.isEmpty()) {
            return total;
        }
        List<TaskInput> inputs = new ArrayList<>();
        for (Input in : job.inputs()) {
            inputs.add(TaskInput.of(in));
        }
        LayerZones lz = LayerZones.of(job.layer(), inputs, job.mask() == null ? null : TaskInput.of(job.mask()), grid, job.region(),
                job.zones(), job.classOf(), job.classes(), job.areas());
        Broadcast<LayerZones> shared = sc.broadcast(lz);
        List<Part> parts;
        try {
            sc.setJobDescription("layer " + job.layer() + ": " + plan.size() + " tasks");
            JavaFutureAction<List<Part>> run = sc.parallelize(plan, plan.size()).map(new MeasureRows(shared)).collectAsync();
            stages++;
            parts = await(run, cancelled, job);
        } finally {
            shared.destroy();
        }
        for (Part p : parts) {
            CategoryEngine.Result r = p.result();
            for (int k = 0; k < job.classes(); k++) {
                total.classes()[k].add(r.classes()[k]);
            }
            total.outside().add(r.outside());
            for (int i = 0; i < p.zones().length; i++) {
                total.zones()[p.zones()[i]].add(r.zones()[i]);
            }
        }
        return total;
    }

    private static List<Part> await(JavaFutureAction<List<Part>> run, BooleanSupplier cancelled, Job job) throws GisException {
        while (true) {
            try {
                return run.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (cancelled != null && cancelled.getAsBoolean()) {
                    run.cancel(true);
                    throw new CancellationException("cancelled");
                }
            } catch (InterruptedException e) {
                run.cancel(true);
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            } catch (ExecutionException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof GisException g) {
                        throw g; // the input's own message, file named, once
                    }
                }
                throw new GisException(job.source().file(), "the Spark job measuring layer '" + job.layer() + "' failed: "
                        + GisException.plain(e.getCause() != null ? e.getCause() : e), null, e);
            }
        }
    }

    /** Cuts the rows into tasks aligned with the engine's blocks and pairs each with the zones that meet its rows. */
    List<RowTask> plan(Job job, GridSpec grid, int block) {
        int height = grid.height();
        long perTask = Math.max(1, taskCells / ((long) block * grid.width()));
        // at least two tasks per core of the cluster when the grid is small, so every core has work
        int cores = Math.max(1, sc.defaultParallelism());
        long fair = (height + 2L * cores * block - 1) / (2L * cores * block);
        int rows = (int) Math.min(height, block * Math.max(1, Math.min(perTask, fair)));
        List<int[]> zoneRows = new ArrayList<>();
        for (Geometry z : job.zones()) {
            zoneRows.add(z == null || z.isEmpty() ? null : rowsOf(z.getEnvelopeInternal(), grid));
        }
        int[] regionRows = job.region() == null ? new int[] {0, height} : rowsOf(job.region().getEnvelopeInternal(), grid);
        List<RowTask> plan = new ArrayList<>();
        for (int a = 0; a < height; a += rows) {
            int b = Math.min(height, a + rows);
            List<Integer> in = new ArrayList<>();
            for (int i = 0; i < zoneRows.size(); i++) {
                int[] zr = zoneRows.get(i);
                if (zr != null && zr[0] < b && zr[1] > a) {
                    in.add(i);
                }
            }
            if (in.isEmpty() && !(regionRows[0] < b && regionRows[1] > a)) {
                continue; // nothing measured in these rows
            }
            plan.add(new RowTask(a, b, in.stream().mapToInt(Integer::intValue).toArray()));
        }
        return plan;
    }

    /** The rows [first, last) an envelope meets, with a row of margin each side. */
    private static int[] rowsOf(Envelope e, GridSpec grid) {
        double v1 = grid.v(e.getMinY()), v2 = grid.v(e.getMaxY());
        int a = (int) Math.floor(Math.min(v1, v2)) - 1, b = (int) Math.ceil(Math.max(v1, v2)) + 1;
        return new int[] {Math.max(0, a), Math.min(grid.height(), b)};
    }

    /** The task: opens the layer on the executor and measures its rows for its zones. */
    static final class MeasureRows implements Function<RowTask, Part> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<LayerZones> shared;

        MeasureRows(Broadcast<LayerZones> shared) {
            this.shared = shared;
        }

        @Override
        public Part call(RowTask t) throws GisException {
            LayerZones lz = shared.value();
            return new Part(t.zones(), OpenFiles.measure(lz, t.from(), t.to(), t.zones()));
        }
    }

    @Override
    public Map<String, Object> provenance() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "spark");
        p.put("master", sc.master());
        p.put("sparkVersion", sc.version());
        p.put("applicationId", sc.sc().applicationId());
        p.put("defaultParallelism", sc.defaultParallelism());
        p.put("executors", Math.max(1, sc.sc().getExecutorMemoryStatus().size() - (sc.master().startsWith("local") ? 0 : 1)));
        p.put("layersDistributed", stages);
        p.put("tasks", tasks.get());
        p.put("failedTaskAttempts", failedAttempts.get());
        p.put("taskCells", taskCells);
        if (!onDriver.isEmpty()) {
            p.put("layersOnDriver", List.copyOf(onDriver));
        }
        return p;
    }

    @Override
    public void close() {
        if (owned) {
            sc.stop();
        }
    }
}
