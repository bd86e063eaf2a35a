#!/usr/bin/env bash
# Benchmark (not a test) of the assessment on Apache Spark (issue #17), in one run on one input:
#   the local engine (this machine's cores), Spark local[1], Spark local[2], and a standalone Spark cluster of two
#   workers with one core each (master and workers as separate JVMs on loopback, from the Spark jars Maven fetched).
#
#   bench/spark.sh [continent|300m|1km|small]     default continent: 40000 x 20000 cells of 100 m, 20000 polygons
#
# Prints a Markdown table: wall time of the whole command, engine phase (provenance.json), cells/s and PAs/s per core,
# the speed-up from one to two cores, and a projection of a global 100 m run (60 G cells, 300 000 PAs) on N executors.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-continent}"
data="$here/bench/data"
log="$(mktemp -d)"
trap 'for p in $(cat "$log/pids" 2>/dev/null); do pkill -9 -P "$p" 2>/dev/null || true; kill -9 "$p" 2>/dev/null || true; done' EXIT

"$here/pacarbon" version >/dev/null   # builds when needed
spec="$("$here/pacarbon" bench-data "$data" --size "$size" | tail -n 1)"
job="$(ls "$here"/scale/org.pacarbon.spark/target/pacarbon-spark-*.jar | head -n 1)"
scp="$here/scale/org.pacarbon.spark/target/spark-classpath.txt"
opens="$(sed -n 's:.*<spark.java.opens>\(.*\)</spark.java.opens>.*:\1:p' "$here/scale/org.pacarbon.spark/pom.xml")"
[ -x /usr/bin/time ] || { echo "bench: install time (apt-get install time)" >&2; exit 1; }

run() { # run NAME ARGS... : ./pacarbon assess with ARGS, timed
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$log/$name.time" "$here/pacarbon" assess "$spec" --out "$log/$name" "$@" >"$log/$name.out" 2>"$log/$name.err" \
    || { echo "bench: $name failed:"; tail -n 20 "$log/$name.err"; exit 1; }
  echo "$name $(cat "$log/$name.time")" >> "$log/results"
}

run local
run spark1 --engine spark --master 'local[1]'
run spark2 --engine spark --master 'local[2]'

# a standalone cluster: a Spark home whose jars/ are the Spark jars Maven fetched, a master and two 1-core workers
home="$log/spark-home"; mkdir -p "$home/jars" "$home/conf"
i=0; for j in $(tr ':' '\n' < "$scp"); do case "$j" in *.jar) ln -s "$j" "$home/jars/$((i++))-$(basename "$j")";; esac; done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
start_jvm() { # NAME CLASS ARGS...
  local name="$1"; shift
  SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SIS_DATA= \
    java -Xmx512m $opens -cp "$home/jars/*" "$@" >"$log/$name.log" 2>&1 &
  echo $! >> "$log/pids"
}
start_jvm master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.2; done
for w in 1 2; do
  start_jvm "worker$w" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 3g --webui-port 0 \
    --work-dir "$log/work$w" "spark://127.0.0.1:$port"
done
sleep 5
PACARBON_VMARGS="-Xmx2g -Dspark.executor.memory=2g -Dspark.executor.cores=1" run cluster2 --engine spark --master "spark://127.0.0.1:$port"

case "$size" in continent) cells=800000000;; 300m) cells=222110000;; 1km) cells=20000000;; small) cells=800000;; *) cells=0;; esac
python3 - "$log" "$spec" "$cells" <<'PY'
import json, sys, os
log, spec, cells = sys.argv[1], sys.argv[2], int(sys.argv[3])
res = {}
for line in open(log + "/results"):
    n, s, m = line.split()
    res[n] = (float(s), int(m) / 1024)
def prov(n):
    return json.load(open(f"{log}/{n}/provenance.json"))
pas = sum(1 for _ in open(f"{log}/local/per_pa.csv")) - 1
rows = []
print(f"### Assessment on Spark: {os.path.basename(spec)}, {pas} PAs" + (f", {cells/1e6:.0f} million cells" if cells else "") + "\n")
print("| run | cores | whole command s | engine phase s | cells/s per core | PAs/s per core | peak RSS of the driver MiB |")
print("|---|---:|---:|---:|---:|---:|---:|")
eng = {}
for n, cores in (("local", os.cpu_count()), ("spark1", 1), ("spark2", 2), ("cluster2", 2)):
    s, m = res[n]
    t = prov(n)["timingsMs"]
    e = sum(v for k, v in t.items() if k.startswith("layer ")) / 1000
    eng[n] = e
    cps = f"{cells / e / cores / 1e6:.1f} M" if cells else "-"
    print(f"| {n} | {cores} | {s:.2f} | {e:.2f} | {cps} | {pas / e / cores:.0f} | {m:.0f} |")
print(f"\nSpeed-up of the engine phase from 1 to 2 cores: local[1] -> local[2] {eng['spark1'] / eng['spark2']:.2f}x, "
      f"local[1] -> 2-worker cluster {eng['spark1'] / eng['cluster2']:.2f}x")
c = prov("cluster2")["engine"]
print(f"cluster: {c.get('executors')} executors, {c.get('tasks')} tasks, {c.get('failedTaskAttempts')} failed attempts")
if cells:
    per_core = cells / eng["cluster2"] / 2
    print("\nProjection (not a measurement): a global 100 m run, 60 G cells, at the cluster's cells/s per core measured above,")
    print("assuming linear scaling (tasks are independent; the driver's share grows with the PA count):\n")
    print("| executor cores | projected engine phase |\n|---:|---:|")
    for n in (16, 64, 256, 1024):
        sec = 60e9 / (per_core * n)
        print(f"| {n} | {sec/60:.1f} min |" if sec >= 120 else f"| {n} | {sec:.0f} s |")
PY
