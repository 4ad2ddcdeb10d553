# Apache Kafka 4.x in KRaft mode: one JVM that is both broker and controller, assembled from Apache's own
# artifacts on Maven Central (no tarball download is reachable here). Sourced by scripts/stack.
KAFKA_VERSION=4.1.1
KAFKA_CLIENT_PORT=39092
KAFKA_CONTROLLER_PORT=39093
KAFKA_HOME="$STACK_CACHE/kafka-$KAFKA_VERSION"
KAFKA_RUN="$STACK_DIR/kafka"
KAFKA_PID="$KAFKA_RUN/kafka.pid"
KAFKA_JAVA_OPTS=(-Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true
  -Dlog4j2.configurationFile="$KAFKA_RUN/log4j2.properties" -cp "$KAFKA_HOME/libs/*")

kafka_install() {
  mkdir -p "$KAFKA_RUN"
  [ -f "$KAFKA_HOME/libs/.complete" ] && return 0
  command -v java >/dev/null || _kafka_apt openjdk-17-jre-headless
  command -v mvn >/dev/null || _kafka_apt maven
  mkdir -p "$KAFKA_HOME"
  # The broker jar plus a log4j2 binding for its slf4j logging; Maven resolves the rest of the runtime tree.
  cat >"$KAFKA_HOME/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.spice-harvester</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>$KAFKA_VERSION</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId><version>2.24.3</version></dependency>
  </dependencies>
</project>
EOF
  rm -rf "$KAFKA_HOME/libs.partial"
  if ! mvn -B -q -f "$KAFKA_HOME/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
      -DoutputDirectory="$KAFKA_HOME/libs.partial" >"$KAFKA_RUN/install.log" 2>&1 </dev/null; then
    tail -n 30 "$KAFKA_RUN/install.log" >&2
    die "kafka: resolving org.apache.kafka:kafka_2.13:$KAFKA_VERSION from Maven Central failed (log: $KAFKA_RUN/install.log)"
  fi
  touch "$KAFKA_HOME/libs.partial/.complete"
  rm -rf "$KAFKA_HOME/libs"
  mv "$KAFKA_HOME/libs.partial" "$KAFKA_HOME/libs"
}

_kafka_apt() {
  log "kafka: installing $1 with apt-get"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1"; } \
    >>"$KAFKA_RUN/install.log" 2>&1 </dev/null || { tail -n 30 "$KAFKA_RUN/install.log" >&2; die "kafka: apt-get install $1 failed"; }
}

kafka_start() {
  mkdir -p "$KAFKA_RUN/data" "$KAFKA_RUN/logs"
  _kafka_write_config
  # Format once: the data directory survives stop/start, so topics and committed offsets do too.
  if [ ! -f "$KAFKA_RUN/data/meta.properties" ]; then
    local cluster_id
    # Base64url of 16 random bytes; one starting with "-" would be read as an option by the tool, so draw again.
    cluster_id="-"
    while [[ "$cluster_id" == -* ]]; do cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"; done
    _kafka_java kafka.tools.StorageTool format --cluster-id "$cluster_id" --config "$KAFKA_RUN/server.properties" \
      >"$KAFKA_RUN/logs/format.log" 2>&1 </dev/null \
      || { tail -n 20 "$KAFKA_RUN/logs/format.log" >&2; die "kafka: formatting storage failed"; }
  fi
  # setsid: the broker must outlive the shell (and its process group) that started it.
  setsid nohup java "${KAFKA_JAVA_OPTS[@]}" kafka.Kafka "$KAFKA_RUN/server.properties" \
    >"$KAFKA_RUN/logs/stdout.log" 2>&1 </dev/null &
  echo $! >"$KAFKA_PID"
  if ! wait_until_kafka 90; then
    tail -n 30 "$KAFKA_RUN/logs/server.log" "$KAFKA_RUN/logs/stdout.log" >&2 || true
    die "kafka: not healthy after 90s"
  fi
}

# Like wait_until, but gives up early when the JVM has already died.
wait_until_kafka() {
  local i
  for ((i = 0; i < $1; i++)); do
    kafka_status && return 0
    _kafka_alive || return 1
    sleep 1
  done
  return 1
}

kafka_stop() {
  _kafka_alive || { rm -f "$KAFKA_PID"; return 0; }
  local pid i
  pid="$(cat "$KAFKA_PID")"
  kill -TERM "$pid" 2>/dev/null || true
  # A clean shutdown flushes the logs and writes the recovery checkpoint; past 30s, kill it (the next start
  # then recovers the log segments, which is slower but loses nothing acknowledged with acks=all).
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "kafka: no clean exit after 30s, killing"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  rm -f "$KAFKA_PID"
}

# Healthy = the client port answers a Metadata (v4) request that lists at least one broker.
kafka_status() {
  _kafka_alive || return 1
  local reply
  reply="$(timeout 3 bash -c '
    exec 3<>/dev/tcp/127.0.0.1/'"$KAFKA_CLIENT_PORT"' || exit 1
    # size=20 | api_key=3 (Metadata) version=4 correlation=1 client_id="stack" | topics=null allow_auto_create=0
    printf "\x00\x00\x00\x14\x00\x03\x00\x04\x00\x00\x00\x01\x00\x05stack\xff\xff\xff\xff\x00" >&3
    head -c 16 <&3 | od -An -tx1 | tr -d " \n"' 2>/dev/null)" || return 1
  # size(4) correlation(4)=1 throttle(4) broker_count(4)>0
  [[ "$reply" =~ ^[0-9a-f]{8}00000001[0-9a-f]{8}([0-9a-f]{8})$ ]] || return 1
  ((16#${BASH_REMATCH[1]} > 0))
}

kafka_env() {
  echo "export KAFKA_BROKERS=127.0.0.1:$KAFKA_CLIENT_PORT"
}

# Alive = the pid file names a running JVM with our server.properties (not a stale pid reused by another process).
_kafka_alive() {
  [ -f "$KAFKA_PID" ] && tr '\0' ' ' <"/proc/$(cat "$KAFKA_PID")/cmdline" 2>/dev/null | grep -qF "kafka.Kafka $KAFKA_RUN/server.properties"
}

_kafka_java() { java "${KAFKA_JAVA_OPTS[@]}" "$@"; }

_kafka_write_config() {
  cat >"$KAFKA_RUN/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_CLIENT_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_CLIENT_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_RUN/data
# A single node that tests create topics on, join groups on and restart often.
auto.create.topics.enable=true
num.partitions=4
default.replication.factor=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
group.min.session.timeout.ms=1000
EOF
  cat >"$KAFKA_RUN/log4j2.properties" <<EOF
status = warn
appender.file.type = RollingFile
appender.file.name = file
appender.file.fileName = $KAFKA_RUN/logs/server.log
appender.file.filePattern = $KAFKA_RUN/logs/server.log.%i
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
appender.file.policies.type = Policies
appender.file.policies.size.type = SizeBasedTriggeringPolicy
appender.file.policies.size.size = 20MB
appender.file.strategy.type = DefaultRolloverStrategy
appender.file.strategy.max = 3
rootLogger.level = info
rootLogger.appenderRef.file.ref = file
logger.state-change.name = state.change.logger
logger.state-change.level = warn
EOF
}
