# An S3-compatible server on 127.0.0.1:9000: moto (PyPI) in a venv, launched by s3-moto-server.py so that
# `If-None-Match: *` PutObject is atomic (412 PreconditionFailed when the key exists).
# moto keeps everything in memory: `down` or a crash empties the bucket. Fine for tests; operators use real S3/MinIO.
# Sourced by scripts/stack.

S3_PORT=9000
S3_BUCKET_NAME=spice-event-store
S3_HOME="$STACK_DIR/s3"
S3_VENV="$STACK_CACHE/venv-s3"
# The version whose conditional writes were verified; change it only after re-running the object-store contract.
S3_MOTO_VERSION=5.2.5
S3_LAUNCHER="$(dirname "${BASH_SOURCE[0]}")/s3-moto-server.py"

s3_url() { echo "http://127.0.0.1:$S3_PORT"; }

s3_install() {
  if [ "$("$S3_VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("moto"))' 2>/dev/null)" = "$S3_MOTO_VERSION" ]; then
    return 0
  fi
  mkdir -p "$S3_HOME"
  local install_log="$S3_HOME/install.log"
  log "s3: pip install moto[server]==$S3_MOTO_VERSION into $S3_VENV (log: $install_log)"
  rm -rf "$S3_VENV"
  if ! { python3 -m venv "$S3_VENV" &&
    "$S3_VENV/bin/pip" install --disable-pip-version-check -q "moto[server]==$S3_MOTO_VERSION"; } >"$install_log" 2>&1 </dev/null; then
    tail -n 30 "$install_log" >&2
    die "s3: installing moto failed"
  fi
}

s3_listening() { curl -s -o /dev/null --max-time 2 "$(s3_url)/"; }

# Healthy means the bucket answers, so a restarted (emptied) moto is not mistaken for a ready one.
s3_status() {
  curl -sf -o /dev/null --max-time 2 -I "$(s3_url)/$S3_BUCKET_NAME"
}

s3_start() {
  mkdir -p "$S3_HOME"
  [ -f "$S3_LAUNCHER" ] || die "s3: launcher $S3_LAUNCHER missing"
  if ! s3_running; then
    ! s3_listening || die "s3: port $S3_PORT is taken by a process this stack did not start"
    MOTO_PORT=$S3_PORT nohup "$S3_VENV/bin/python" "$S3_LAUNCHER" --host 127.0.0.1 --port "$S3_PORT" \
      >"$S3_HOME/s3.log" 2>&1 </dev/null &
    echo $! >"$S3_HOME/s3.pid"
    wait_until 60 "s3 (see $S3_HOME/s3.log)" s3_listening
  fi
  # Unsigned requests land in moto's default account, the same one every signed client sees.
  curl -sf -o /dev/null --max-time 10 -X PUT "$(s3_url)/$S3_BUCKET_NAME" ||
    s3_status || die "s3: creating bucket $S3_BUCKET_NAME failed"
  wait_until 30 "s3 bucket $S3_BUCKET_NAME" s3_status
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
    for ((i = 0; i < 20; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$pid_file"
}

s3_env() {
  cat <<EOF
export S3_ENDPOINT=$(s3_url)
export S3_BUCKET=$S3_BUCKET_NAME
export S3_ACCESS_KEY_ID=spice
export S3_SECRET_ACCESS_KEY=spice-secret
export S3_REGION=us-east-1
EOF
}
