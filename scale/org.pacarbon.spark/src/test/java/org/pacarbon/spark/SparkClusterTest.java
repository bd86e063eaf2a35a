package org.pacarbon.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacarbon.carbon.core.Assessment;
import org.pacarbon.carbon.core.AssessmentSpec;
import org.pacarbon.carbon.core.Reports;
import org.pacarbon.cli.demo.BenchData;

/**
 * A real Spark standalone cluster on this machine: a master and two workers, each its own JVM started from the Spark
 * jars of Maven Central, on loopback addresses only. One worker (and its executor) is killed as soon as a task starts on
 * that executor; Spark runs the lost task again on the other worker and the assessment gives the local answer.
 */
class SparkClusterTest {
    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopCluster() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void aJobWhoseWorkerIsKilledMidRunFinishesWithTheSameAnswer() throws Exception {
        Path spec = BenchData.generate(dir.resolve("data"), 1000, 800, 5000, 500);
        Assessment.Result local = Assessment.run(AssessmentSpec.read(spec), null, null);
        Reports.write(local, dir.resolve("local"), "test", List.of());

        Path home = sparkHome();
        int port = freePort();
        String master = "spark://127.0.0.1:" + port;
        processes.add(start(home, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--webui-port", Integer.toString(freePort())));
        waitForPort(port);
        Process worker1 = start(home, "worker1", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
                "--memory", "1g", "--webui-port", Integer.toString(freePort()), "--work-dir", dir.resolve("w1").toString(), master);
        processes.add(worker1);
        processes.add(start(home, "worker2", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
                "--memory", "1g", "--webui-port", Integer.toString(freePort()), "--work-dir", dir.resolve("w2").toString(), master));

        SparkConf conf = new SparkConf(false).setMaster(master)
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.executor.memory", "512m").set("spark.executor.cores", "1")
                .set("spark.executor.extraClassPath", classFolders())
                .set("spark.task.maxFailures", "4")
                .set("spark.pacarbon.taskCells", "20000");
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger tasksAfterKill = new AtomicInteger();
        Assessment.Result remote = assertTimeoutPreemptively(Duration.ofMinutes(6), () -> {
            try (SparkEngine engine = SparkEngine.start(conf, System.err::println)) {
                waitForExecutors(engine, 2);
                // worker 1's executor: the folder its worker made for it (work dir / app id / executor id)
                String victim = executorOf(dir.resolve("w1"));
                engine.context().sc().addSparkListener(new SparkListener() {
                    @Override
                    public void onTaskStart(SparkListenerTaskStart start) {
                        // killed while it runs a task: that attempt is lost and must run again elsewhere
                        if (victim.equals(start.taskInfo().executorId()) && killed.compareAndSet(false, true)) {
                            worker1.descendants().forEach(ProcessHandle::destroyForcibly); // its executor
                            worker1.destroyForcibly();
                        }
                    }

                    @Override
                    public void onTaskEnd(SparkListenerTaskEnd end) {
                        if (killed.get()) {
                            tasksAfterKill.incrementAndGet();
                        }
                    }
                });
                Assessment.Result r = Assessment.run(AssessmentSpec.read(spec), System.err::println, null, false, engine);
                Reports.write(r, dir.resolve("cluster"), "test", List.of());
                return r;
            }
        });
        System.err.println("cluster run: " + remote.engine() + ", tasks ended after the kill: " + tasksAfterKill.get());
        assertTrue(killed.get(), "a worker was killed during the job");
        assertFalse(worker1.isAlive(), "the killed worker is gone");
        assertTrue(tasksAfterKill.get() > 0, "tasks ran after the kill");
        assertTrue(((Number) remote.engine().get("failedTaskAttempts")).longValue() >= 1, "the killed executor's task was lost and run again");
        Outputs.assertSameNumbers(dir.resolve("local/summary.csv"), dir.resolve("cluster/summary.csv"), 1e-12);
        Outputs.assertSameNumbers(dir.resolve("local/per_pa.csv"), dir.resolve("cluster/per_pa.csv"), 1e-12);
        assertEquals("spark", remote.engine().get("name"));
        assertEquals(master, remote.engine().get("master"));
    }

    /** The id of the one executor a worker runs (the folder it made under its work dir for the application). */
    private static String executorOf(Path workDir) throws IOException {
        try (java.util.stream.Stream<Path> apps = Files.list(workDir)) {
            Path app = apps.filter(Files::isDirectory).findFirst().orElseThrow(() -> new AssertionError("no application in " + workDir));
            try (java.util.stream.Stream<Path> ex = Files.list(app)) {
                return ex.filter(Files::isDirectory).map(p -> p.getFileName().toString()).findFirst()
                        .orElseThrow(() -> new AssertionError("no executor in " + app));
            }
        }
    }

    /** A Spark home whose jars/ are the Spark and library jars of this test's class path (as a Spark install has). */
    private Path sparkHome() throws IOException {
        Path home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        int i = 0;
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(e);
            if (e.endsWith(".jar") && Files.isRegularFile(p)) {
                Files.createSymbolicLink(jars.resolve((i++) + "-" + p.getFileName()), p.toAbsolutePath());
            }
        }
        Files.createDirectories(home.resolve("conf"));
        return home;
    }

    /** The class folders of the class path (this module's classes and test classes), for the executors. */
    private static String classFolders() {
        List<String> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Files.isDirectory(Path.of(e))) {
                out.add(e);
            }
        }
        return String.join(File.pathSeparator, out);
    }

    private Process start(Path home, String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        cmd.addAll(List.of(System.getProperty("pacarbon.spark.opens", "").split(" ")));
        cmd.removeIf(String::isBlank);
        cmd.addAll(List.of("-cp", home.resolve("jars") + File.separator + "*", mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().remove("SIS_DATA"); // executors read the EPSG database from its jar (one Derby process per folder)
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void waitForPort(int port) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the Spark master did not open port " + port + " within 60 s");
    }

    private static void waitForExecutors(SparkEngine engine, int n) throws InterruptedException {
        long end = System.nanoTime() + 120_000_000_000L;
        // the driver's block manager counts as one
        while (engine.context().sc().getExecutorMemoryStatus().size() < n + 1) {
            if (System.nanoTime() > end) {
                throw new AssertionError("executors did not register within 120 s");
            }
            Thread.sleep(200);
        }
    }
}
