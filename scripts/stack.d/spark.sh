# shellcheck shell=bash
# Apache Spark in local mode, from PyPI (pyspark bundles the Spark jars and spark-submit) in a venv.
# Local mode has no long-running server: "up" installs the venv and proves it by running one tiny
# spark-submit job (which also warms the JVM/class caches); the app then runs its own spark-submit per query.
SPARK_PYSPARK_VERSION=4.0.1 # Spark 4.0 runs on Java 17 and 21
SPARK_VENV="$STACK_CACHE/venv-spark"
SPARK_HOME_DIR="$STACK_DIR/spark"
SPARK_SMOKE_MARKER="$SPARK_HOME_DIR/smoke-ok"
# The venv's own bin/spark-submit finds SPARK_HOME and the driver's Python through whatever `python3` is on PATH,
# which is not the venv's; this wrapper pins both so the app needs only its path (SPARK_SUBMIT).
SPARK_SUBMIT_WRAPPER="$SPARK_VENV/bin/spice-spark-submit"

spark__java_home() {
  local java
  java="$(command -v java)" || return 1
  dirname "$(dirname "$(readlink -f "$java")")"
}

spark__installed_version() {
  "$SPARK_VENV/bin/python" -c 'import pyspark; print(pyspark.__version__)' 2>/dev/null
}

spark_install() {
  mkdir -p "$SPARK_HOME_DIR"
  if ! command -v java >/dev/null 2>&1; then
    log "spark: installing a Java 17 runtime (apt)"
    if ! {
      DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless
    } >"$SPARK_HOME_DIR/install.log" 2>&1 </dev/null; then
      tail -n 30 "$SPARK_HOME_DIR/install.log" >&2
      die "spark: could not install Java"
    fi
  fi
  if [ "$(spark__installed_version)" != "$SPARK_PYSPARK_VERSION" ]; then
    log "spark: installing pyspark $SPARK_PYSPARK_VERSION into $SPARK_VENV (a ~400 MB download, once)"
    rm -f "$SPARK_SMOKE_MARKER"
    if ! {
      python3 -m venv "$SPARK_VENV" &&
        "$SPARK_VENV/bin/pip" install --quiet --disable-pip-version-check "pyspark==$SPARK_PYSPARK_VERSION"
    } >"$SPARK_HOME_DIR/install.log" 2>&1 </dev/null; then
      tail -n 30 "$SPARK_HOME_DIR/install.log" >&2
      die "spark: pip install pyspark==$SPARK_PYSPARK_VERSION failed"
    fi
  fi
  # Rewritten every time (it is tiny) so a changed wrapper reaches an existing venv.
  spark__write_wrapper
}

spark__write_wrapper() {
  local pyspark_home
  pyspark_home="$("$SPARK_VENV/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')"
  cat >"$SPARK_SUBMIT_WRAPPER" <<WRAPPER
#!/usr/bin/env bash
# Local mode binds the driver to loopback instead of whatever the hostname resolves to.
export SPARK_LOCAL_IP="\${SPARK_LOCAL_IP:-127.0.0.1}"
# Jobs here are short and the machine small: the C1-only JIT and serial GC halve a small job's CPU time.
export SPARK_SUBMIT_OPTS="\${SPARK_SUBMIT_OPTS:-} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
export SPARK_HOME='$pyspark_home'
export PYSPARK_PYTHON='$SPARK_VENV/bin/python'
exec "\$SPARK_HOME/bin/spark-submit" "\$@"
WRAPPER
  chmod +x "$SPARK_SUBMIT_WRAPPER"
}

spark__write_conf() {
  mkdir -p "$SPARK_HOME_DIR/conf"
  cat >"$SPARK_HOME_DIR/conf/log4j2.properties" <<'PROPS'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n%ex
# Hadoop complains about the missing native library on every start; it is harmless in local mode.
logger.nativecode.name = org.apache.hadoop.util.NativeCodeLoader
logger.nativecode.level = error
PROPS
  cat >"$SPARK_HOME_DIR/conf/spark-defaults.conf" <<'CONF'
spark.ui.enabled                false
spark.sql.shuffle.partitions    2
spark.driver.memory             1g
spark.sql.session.timeZone      UTC
CONF
}

spark_start() {
  [ -x "$SPARK_SUBMIT_WRAPPER" ] || die "spark: not installed (run spark_install)"
  spark__write_conf
  cat >"$SPARK_HOME_DIR/smoke.py" <<'PY'
import sys
from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("spice-stack-smoke").getOrCreate()
total = spark.range(0, 1000).selectExpr("sum(id) AS total").collect()[0]["total"]
spark.stop()
if total != 499500:
    sys.exit(f"unexpected sum {total}")
print("spark smoke ok")
PY
  rm -f "$SPARK_SMOKE_MARKER"
  local started=$SECONDS
  (
    cd "$SPARK_HOME_DIR" &&
      JAVA_HOME="${JAVA_HOME:-$(spark__java_home)}" SPARK_CONF_DIR="$SPARK_HOME_DIR/conf" \
        "$SPARK_SUBMIT_WRAPPER" --master 'local[2]' smoke.py
  ) >"$SPARK_HOME_DIR/smoke.log" 2>&1 </dev/null ||
    { tail -n 30 "$SPARK_HOME_DIR/smoke.log" >&2; die "spark: smoke spark-submit failed (log: $SPARK_HOME_DIR/smoke.log)"; }
  grep -q 'spark smoke ok' "$SPARK_HOME_DIR/smoke.log" || die "spark: smoke job printed no result"
  echo "pyspark $SPARK_PYSPARK_VERSION" >"$SPARK_SMOKE_MARKER"
  log "spark: smoke spark-submit took $((SECONDS - started))s"
}

# Local mode runs nothing between jobs, so there is nothing to stop.
spark_stop() { :; }

spark_status() {
  [ -x "$SPARK_SUBMIT_WRAPPER" ] && [ -f "$SPARK_SMOKE_MARKER" ]
}

spark_env() {
  echo "export SPARK_MASTER='local[2]'"
  echo "export SPARK_SUBMIT='$SPARK_SUBMIT_WRAPPER'"
  if [ -z "${JAVA_HOME:-}" ] && command -v java >/dev/null 2>&1; then
    echo "export JAVA_HOME='$(spark__java_home)'"
  fi
}
