# An S3-compatible server on 127.0.0.1:9000: MinIO, built from source through the Go module proxy (no MinIO
# binary download is reachable here). Objects live on disk under $STACK_DIR/s3/data, so `down`/`up` keep them.
# MinIO checks `If-None-Match: *` and writes the object under one per-object lock, so create-if-absent is atomic
# (412 PreconditionFailed when the key exists). Sourced by scripts/stack.

S3_PORT=9000
S3_BUCKET_NAME=spice-event-store
S3_ACCESS_KEY=spice
S3_SECRET_KEY=spice-secret # MinIO wants at least 8 characters
S3_REGION_NAME=us-east-1
S3_HOME="$STACK_DIR/s3"
# The proxy serves MinIO only as pseudo-versions (its RELEASE.<date> tags are not semver) and lists just this one,
# a commit of 2026-02-12 whose README says the repository is no longer maintained (so likely the last). It has
# conditional PutObject (checked under the object's lock, cmd/erasure-object.go); its go.mod asks for go >= 1.24
# and it builds with go1.26. Change it only after re-running the object-store contract.
S3_MINIO_MODULE=github.com/minio/minio
S3_MINIO_VERSION=v0.0.0-20260212201848-7aac2a2c5b7c
S3_MINIO_HOME="$STACK_CACHE/minio-$S3_MINIO_VERSION"
S3_MINIO_BIN="$S3_MINIO_HOME/bin/minio"
S3_GO_MIN_MINOR=24
# Fetched from the proxy only when no go >= 1.$S3_GO_MIN_MINOR is installed (Debian 12's golang-go is 1.19).
# The checksum is of the zip that `go mod download` verified against sum.golang.org.
S3_GO_VERSION=1.26.8
S3_GO_ZIP_SHA256=30c2b1bf7dcc88d3eb0a1364e47ddd9128edb3110a30e8a0ef61cd5856b31de7

s3_url() { echo "http://127.0.0.1:$S3_PORT"; }

s3_install() {
  [ -x "$S3_MINIO_BIN" ] && return 0
  mkdir -p "$S3_HOME"
  local build_log="$S3_HOME/build.log" work="$S3_MINIO_HOME.partial" go
  : >"$build_log"
  _s3_find_go "$build_log"
  go="$S3_GO"
  log "s3: building MinIO $S3_MINIO_VERSION with $(GOTOOLCHAIN=local "$go" env GOVERSION) (once, minutes; log: $build_log)"
  rm -rf "$work"
  # A private module and build cache, deleted afterwards: only the binary is worth keeping (~2 GB otherwise).
  if ! env GOTOOLCHAIN=local GOPROXY=https://proxy.golang.org GOFLAGS=-modcacherw CGO_ENABLED=0 \
      GOMODCACHE="$work/mod" GOCACHE="$work/cache" GOBIN="$work/bin" \
      "$go" install -trimpath "$S3_MINIO_MODULE@$S3_MINIO_VERSION" >>"$build_log" 2>&1 </dev/null; then
    tail -n 30 "$build_log" >&2
    rm -rf "$work"
    die "s3: building $S3_MINIO_MODULE@$S3_MINIO_VERSION failed (log: $build_log)"
  fi
  mkdir -p "$S3_MINIO_HOME/bin"
  mv "$work/bin/minio" "$S3_MINIO_BIN"
  rm -rf "$work"
}

# Sets S3_GO to a go command new enough for MinIO: the installed one, else the toolchain from the proxy.
_s3_find_go() {
  local go
  for go in "$(command -v go || true)" /usr/local/go/bin/go "$STACK_CACHE/go$S3_GO_VERSION/bin/go"; do
    if [ -x "$go" ] && _s3_go_new_enough "$go"; then S3_GO="$go"; return 0; fi
  done
  _s3_fetch_go "$1"
  S3_GO="$STACK_CACHE/go$S3_GO_VERSION/bin/go"
}

_s3_go_new_enough() {
  local version major minor
  version="$(GOTOOLCHAIN=local "$1" env GOVERSION 2>/dev/null)" || return 1
  IFS=. read -r major minor _ <<<"${version#go}"
  [ "${major:-0}" -gt 1 ] || [ "${minor:-0}" -ge "$S3_GO_MIN_MINOR" ]
}

_s3_fetch_go() {
  local build_log=$1 dir="$STACK_CACHE/go$S3_GO_VERSION" zip="$STACK_CACHE/go$S3_GO_VERSION.zip.partial"
  [ "$(uname -m)" = x86_64 ] || die "s3: no go >= 1.$S3_GO_MIN_MINOR installed, and the pinned toolchain is linux-amd64 only"
  local module_version="v0.0.1-go$S3_GO_VERSION.linux-amd64"
  log "s3: no go >= 1.$S3_GO_MIN_MINOR here; fetching golang.org/toolchain@$module_version from the Go module proxy"
  command -v unzip >/dev/null || _s3_apt unzip "$build_log"
  rm -rf "$dir" "$dir.partial" "$zip"
  if ! { curl -fsSL --retry 3 -o "$zip" "https://proxy.golang.org/golang.org/toolchain/@v/$module_version.zip" &&
    echo "$S3_GO_ZIP_SHA256  $zip" | sha256sum -c --quiet - &&
    unzip -q "$zip" -d "$dir.partial"; } >>"$build_log" 2>&1 </dev/null; then
    tail -n 30 "$build_log" >&2
    rm -rf "$dir.partial" "$zip"
    die "s3: fetching the Go toolchain $module_version failed (log: $build_log)"
  fi
  mv "$dir.partial/golang.org/toolchain@$module_version" "$dir"
  rm -rf "$dir.partial" "$zip"
}

_s3_apt() {
  log "s3: installing $1 with apt-get"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1"; } >>"$2" 2>&1 </dev/null ||
    { tail -n 30 "$2" >&2; die "s3: apt-get install $1 failed"; }
}

s3_listening() { curl -s -o /dev/null --max-time 2 "$(s3_url)/"; }

s3_live() { curl -sf -o /dev/null --max-time 2 "$(s3_url)/minio/health/live"; }

# Signed requests (SigV4) with the root credentials, for the bucket this module creates and checks.
_s3_signed() {
  curl -sf -o /dev/null --max-time "$1" --aws-sigv4 "aws:amz:$S3_REGION_NAME:s3" \
    --user "$S3_ACCESS_KEY:$S3_SECRET_KEY" "${@:2}"
}

# Healthy means the server is live and the bucket answers.
s3_status() {
  s3_live && _s3_signed 2 -I "$(s3_url)/$S3_BUCKET_NAME"
}

s3_start() {
  mkdir -p "$S3_HOME/data"
  if ! s3_running; then
    ! s3_listening || die "s3: port $S3_PORT is taken by a process this stack did not start"
    # No web console: one port, less memory. The slowest background scanner: it otherwise walks every object
    # (lifecycle, usage, healing, none of which a test stack needs) and took ~6% of a core here.
    # setsid: the server outlives this shell.
    MINIO_ROOT_USER="$S3_ACCESS_KEY" MINIO_ROOT_PASSWORD="$S3_SECRET_KEY" MINIO_SITE_REGION="$S3_REGION_NAME" \
      MINIO_BROWSER=off MINIO_SCANNER_SPEED=slowest \
      setsid nohup "$S3_MINIO_BIN" server --quiet --address "127.0.0.1:$S3_PORT" "$S3_HOME/data" \
      >"$S3_HOME/s3.log" 2>&1 </dev/null &
    echo $! >"$S3_HOME/s3.pid"
    if ! _s3_wait_live 60; then
      tail -n 30 "$S3_HOME/s3.log" >&2 || true
      die "s3: MinIO not live after 60s (log: $S3_HOME/s3.log)"
    fi
  fi
  _s3_signed 2 -I "$(s3_url)/$S3_BUCKET_NAME" || _s3_signed 10 -X PUT "$(s3_url)/$S3_BUCKET_NAME" ||
    die "s3: creating bucket $S3_BUCKET_NAME failed"
  wait_until 30 "s3 bucket $S3_BUCKET_NAME" s3_status
}

# Like wait_until, but gives up early when the server has already exited.
_s3_wait_live() {
  local i
  for ((i = 0; i < $1; i++)); do
    s3_live && return 0
    s3_running || return 1
    sleep 1
  done
  return 1
}

s3_running() {
  local pid
  pid="$(cat "$S3_HOME/s3.pid" 2>/dev/null)" && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

s3_stop() {
  local pid_file="$S3_HOME/s3.pid" pid i
  [ -f "$pid_file" ] || return 0
  pid="$(cat "$pid_file")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 40; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$pid_file"
}

s3_env() {
  cat <<EOF
export S3_ENDPOINT=$(s3_url)
export S3_BUCKET=$S3_BUCKET_NAME
export S3_ACCESS_KEY_ID=$S3_ACCESS_KEY
export S3_SECRET_ACCESS_KEY=$S3_SECRET_KEY
export S3_REGION=$S3_REGION_NAME
EOF
}
