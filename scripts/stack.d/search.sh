# shellcheck shell=bash
# Search engines for the search projection, both real and both from Maven Central (no Docker here):
#   - Elasticsearch 8 on 127.0.0.1:9200 (transport 9300): the engine the app uses (ELASTICSEARCH_URL).
#   - OpenSearch 2 on 127.0.0.1:9201 (transport 9301): so the OpenSearch adapter is proven too (OPENSEARCH_URL).
# Both projects publish their "integ-test-zip" distribution to Maven Central: the server, its libs and the
# HTTP transport module, without the security plugin (plain HTTP) and without a bundled JDK (they run on the
# machine's Java 17). Neither engine runs as root, so they run as the system user spice-search, and each
# engine's home (binaries, config, data, logs) and pid file live under $STACK_DIR/search owned by that user
# (or under /var/lib/spice-search/<that path> when the checkout sits where that user cannot reach, e.g. /root).
SEARCH_ES_VERSION="${SPICE_ELASTICSEARCH_VERSION:-8.19.21}"
SEARCH_OS_VERSION="${SPICE_OPENSEARCH_VERSION:-2.19.6}" # the 2.x line runs on Java 17; 3.x needs Java 21
SEARCH_USER=spice-search
SEARCH_DIR="$STACK_DIR/search"
SEARCH_HEAP="${SPICE_SEARCH_HEAP:-512m}"
SEARCH_ENGINES=(elasticsearch opensearch)

# search__engine_field ENGINE FIELD: one table of what differs between the two engines.
search__engine_field() {
  case "$1:$2" in
    elasticsearch:version) echo "$SEARCH_ES_VERSION" ;;
    elasticsearch:maven) echo "org.elasticsearch.distribution.integ-test-zip:elasticsearch:$SEARCH_ES_VERSION:zip" ;;
    elasticsearch:http_port) echo 9200 ;;
    elasticsearch:transport_port) echo 9300 ;;
    elasticsearch:env_prefix) echo ES ;;
    elasticsearch:yml) echo elasticsearch.yml ;;
    opensearch:version) echo "$SEARCH_OS_VERSION" ;;
    opensearch:maven) echo "org.opensearch.distribution.integ-test-zip:opensearch:$SEARCH_OS_VERSION:zip" ;;
    opensearch:http_port) echo 9201 ;;
    opensearch:transport_port) echo 9301 ;;
    opensearch:env_prefix) echo OPENSEARCH ;;
    opensearch:yml) echo opensearch.yml ;;
    *) die "search: unknown engine field $1:$2" ;;
  esac
}

search__root() {
  if id -u "$SEARCH_USER" >/dev/null 2>&1 && runuser -u "$SEARCH_USER" -- test -x "$SEARCH_DIR" 2>/dev/null; then
    echo "$SEARCH_DIR"
  else
    echo "/var/lib/spice-search$SEARCH_DIR"
  fi
}
search__home() { echo "$(search__root)/$1-$(search__engine_field "$1" version)"; }
search__pid_file() { echo "$(search__root)/$1.pid"; }
search__url() { echo "http://127.0.0.1:$(search__engine_field "$1" http_port)"; }

search__java_home() {
  if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME"; return; fi
  local java
  java="$(command -v java)" || return 1
  dirname "$(dirname "$(readlink -f "$java")")"
}

search__healthy() {
  curl -fsS --max-time 3 "$(search__url "$1")/_cluster/health?wait_for_status=yellow&timeout=2s" >/dev/null 2>&1
}

search__install_prerequisites() {
  local missing=()
  command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  command -v unzip >/dev/null 2>&1 || missing+=(unzip)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "search: installing ${missing[*]} (apt)"
  {
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  } >>"$SEARCH_DIR/install.log" 2>&1 </dev/null ||
    { tail -n 30 "$SEARCH_DIR/install.log" >&2; die "search: apt-get install ${missing[*]} failed"; }
}

# Fetches the distribution zip through Maven (the ordinary client for Maven Central) into $STACK_CACHE.
search__fetch_zip() {
  local engine=$1 artifact version zip
  artifact="$(search__engine_field "$engine" maven)"
  version="$(search__engine_field "$engine" version)"
  zip="$STACK_CACHE/search/$engine-$version.zip"
  if [ ! -s "$zip" ]; then
    log "search: downloading $artifact from Maven Central (~60-100 MB, once)"
    mkdir -p "$STACK_CACHE/search"
    mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="$artifact" -DoutputDirectory="$STACK_CACHE/search" \
      >>"$SEARCH_DIR/install.log" 2>&1 </dev/null ||
      { tail -n 30 "$SEARCH_DIR/install.log" >&2; die "search: could not fetch $artifact"; }
    # copy names the file <artifactId>-<version>.<type>, and each engine's artifactId is its own name.
    [ -s "$zip" ] || die "search: $artifact fetched but $zip is missing"
  fi
  echo "$zip"
}

search__install_engine() {
  local engine=$1 home zip unpack
  home="$(search__home "$engine")"
  [ -x "$home/bin/$engine" ] && return 0
  zip="$(search__fetch_zip "$engine")"
  mkdir -p "$(dirname "$home")"
  unpack="$(mktemp -d "$(dirname "$home")/.unpack.XXXXXX")"
  unzip -q "$zip" -d "$unpack" || die "search: could not unzip $zip"
  # The zip holds one top-level folder, <engine>-<version>; moving it is atomic, so a half-unpacked home never exists.
  mv "$unpack"/*/ "$home"
  rmdir "$unpack"
  mkdir -p "$home/data" "$home/logs" "$home/tmp"
  chown -R "$SEARCH_USER:$SEARCH_USER" "$home"
}

search_install() {
  mkdir -p "$SEARCH_DIR"
  search__install_prerequisites
  id -u "$SEARCH_USER" >/dev/null 2>&1 ||
    useradd --system --no-create-home --shell /usr/sbin/nologin "$SEARCH_USER" ||
    die "search: could not create the system user $SEARCH_USER"
  local engine
  for engine in "${SEARCH_ENGINES[@]}"; do search__install_engine "$engine"; done
}

search__write_config() {
  local engine=$1 home
  home="$(search__home "$engine")"
  cat >"$home/config/$(search__engine_field "$engine" yml)" <<YML
# Written by scripts/stack.d/search.sh on every start; edit that file, not this one.
cluster.name: spice-$engine
node.name: spice-$engine-1
path.data: $home/data
path.logs: $home/logs
network.host: 127.0.0.1
http.port: $(search__engine_field "$engine" http_port)
transport.port: $(search__engine_field "$engine" transport_port)
discovery.type: single-node
# A dev stack on a shared disk: never flip indices to read-only because the disk is filling up.
cluster.routing.allocation.disk.threshold_enabled: false
# Writing to a missing index is an error the adapters report, never a silent index with guessed field types.
action.auto_create_index: false
YML
  if [ "$engine" = elasticsearch ]; then
    echo 'xpack.security.enabled: false' >>"$home/config/elasticsearch.yml"
  fi
  mkdir -p "$home/config/jvm.options.d"
  printf -- '-Xms%s\n-Xmx%s\n' "$SEARCH_HEAP" "$SEARCH_HEAP" >"$home/config/jvm.options.d/spice-heap.options"
  chown -R "$SEARCH_USER:$SEARCH_USER" "$home/config"
}

search__start_engine() {
  local engine=$1 home prefix pid_file java_home
  home="$(search__home "$engine")"
  [ -x "$home/bin/$engine" ] || die "search: $engine not installed (run search_install)"
  search__healthy "$engine" && return 0
  prefix="$(search__engine_field "$engine" env_prefix)"
  pid_file="$(search__pid_file "$engine")"
  java_home="$(search__java_home)" || die "search: no Java found"
  search__write_config "$engine"
  rm -f "$pid_file"
  touch "$pid_file" && chown "$SEARCH_USER:$SEARCH_USER" "$pid_file"
  # -d detaches the server and -p makes it write its own pid (as spice-search) into the pid file.
  runuser -u "$SEARCH_USER" -- env \
    "${prefix}_JAVA_HOME=$java_home" "${prefix}_PATH_CONF=$home/config" "${prefix}_TMPDIR=$home/tmp" \
    "$home/bin/$engine" -d -p "$pid_file" >"$SEARCH_DIR/$engine.out.log" 2>&1 </dev/null ||
    { tail -n 30 "$SEARCH_DIR/$engine.out.log" "$home/logs/spice-$engine.log" >&2 2>/dev/null
      die "search: $engine failed to start (logs: $home/logs)"; }
}

search_start() {
  local started=$SECONDS engine
  # OpenSearch's -d returns at once and Elasticsearch's waits for its node, so starting OpenSearch first overlaps them.
  for engine in opensearch elasticsearch; do search__start_engine "$engine"; done
  for engine in "${SEARCH_ENGINES[@]}"; do
    wait_until 180 "search: $engine on $(search__url "$engine")" search__healthy "$engine"
  done
  log "search: elasticsearch $SEARCH_ES_VERSION and opensearch $SEARCH_OS_VERSION healthy after $((SECONDS - started))s"
}

search__stop_engine() {
  local engine=$1 pid_file pid i
  pid_file="$(search__pid_file "$engine")"
  pid="$(cat "$pid_file" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for ((i = 0; i < 60; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then
      log "search: $engine (pid $pid) ignored SIGTERM for 60s; killing it"
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$pid_file"
}

search_stop() {
  local engine
  for engine in "${SEARCH_ENGINES[@]}"; do search__stop_engine "$engine"; done
}

search_status() {
  local engine
  for engine in "${SEARCH_ENGINES[@]}"; do search__healthy "$engine" || return 1; done
}

search_env() {
  echo "export ELASTICSEARCH_URL=$(search__url elasticsearch)"
  echo "export SEARCH_ENGINE=elasticsearch"
  # Read only by the OpenSearch adapter's spec; the app picks one engine through ELASTICSEARCH_URL + SEARCH_ENGINE.
  echo "export OPENSEARCH_URL=$(search__url opensearch)"
}
