# PostgreSQL from Debian's packages, run as a private cluster owned by the `postgres` user with its data under
# $STACK_DIR/postgres, listening on 127.0.0.1:5433 so it never meets a Debian default cluster on 5432.
# Sourced by scripts/stack.

POSTGRES_PORT=5433
POSTGRES_HOME="$STACK_DIR/postgres"
POSTGRES_DATA="$POSTGRES_HOME/data"
# A socket directory of our own: /var/run/postgresql may be missing (no init system) or belong to another cluster.
POSTGRES_SOCKETS="$POSTGRES_HOME/run"
POSTGRES_LOG="$POSTGRES_HOME/postgres.log"

postgres_bin() {
  local dir
  dir="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  [ -n "$dir" ] && [ -x "$dir/initdb" ] || return 1
  printf '%s\n' "$dir"
}

as_postgres() { runuser -u postgres -- "$@"; }

postgres_install() {
  if postgres_bin >/dev/null && id postgres >/dev/null 2>&1; then return 0; fi
  mkdir -p "$POSTGRES_HOME"
  local install_log="$POSTGRES_HOME/install.log"
  log "postgres: apt-get install postgresql (log: $install_log)"
  if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; } \
    >"$install_log" 2>&1 </dev/null; then
    tail -n 30 "$install_log" >&2
    die "postgres: apt-get install postgresql failed"
  fi
  postgres_bin >/dev/null || die "postgres: installed, but no /usr/lib/postgresql/*/bin/initdb found"
}

postgres_init_cluster() {
  local bin=$1
  mkdir -p "$POSTGRES_HOME" "$POSTGRES_SOCKETS"
  chown postgres:postgres "$POSTGRES_HOME" "$POSTGRES_SOCKETS"
  as_postgres test -w "$POSTGRES_HOME" ||
    die "postgres: user 'postgres' cannot write $POSTGRES_HOME (a parent directory is not traversable); set SPICE_STACK_DIR to a world-traversable path"
  [ -f "$POSTGRES_DATA/PG_VERSION" ] && return 0
  log "postgres: initdb $POSTGRES_DATA"
  rm -rf "$POSTGRES_DATA"
  if ! as_postgres "$bin/initdb" -D "$POSTGRES_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$POSTGRES_HOME/initdb.log" 2>&1 </dev/null; then
    tail -n 30 "$POSTGRES_HOME/initdb.log" >&2
    die "postgres: initdb failed"
  fi
  cat >>"$POSTGRES_DATA/postgresql.conf" <<EOF

# scripts/stack.d/postgres.sh
listen_addresses = '127.0.0.1'
port = $POSTGRES_PORT
max_connections = 200
EOF
}

# Idempotent: runs on every start so a half-finished first start heals itself.
postgres_bootstrap_roles() {
  as_postgres psql -h "$POSTGRES_SOCKETS" -p "$POSTGRES_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    >>"$POSTGRES_LOG" 2>&1 <<'SQL' || die "postgres: creating role/database spice failed (see $POSTGRES_LOG)"
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'spice') THEN
    CREATE ROLE spice LOGIN CREATEDB PASSWORD 'spice';
  ELSE
    ALTER ROLE spice LOGIN CREATEDB PASSWORD 'spice';
  END IF;
END $$;
SELECT 'CREATE DATABASE spice OWNER spice' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'spice')
\gexec
SQL
}

postgres_start() {
  local bin
  bin="$(postgres_bin)" || die "postgres: not installed (run: scripts/stack up postgres)"
  postgres_init_cluster "$bin"
  # The socket directory is passed at start, not written into the cluster, so a moved checkout still starts.
  if ! as_postgres "$bin/pg_ctl" -D "$POSTGRES_DATA" -l "$POSTGRES_LOG" -o "-k '$POSTGRES_SOCKETS'" -w -t 60 start \
    >/dev/null 2>&1 </dev/null; then
    tail -n 30 "$POSTGRES_LOG" >&2
    die "postgres: pg_ctl start failed"
  fi
  head -n 1 "$POSTGRES_DATA/postmaster.pid" >"$POSTGRES_HOME/postgres.pid"
  wait_until 60 "postgres" postgres_accepting
  postgres_bootstrap_roles
}

postgres_stop() {
  local bin pid
  rm -f "$POSTGRES_HOME/postgres.pid"
  [ -f "$POSTGRES_DATA/postmaster.pid" ] || return 0
  bin="$(postgres_bin)" || return 0
  # fast: roll back open transactions and disconnect clients instead of waiting for them.
  as_postgres "$bin/pg_ctl" -D "$POSTGRES_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 </dev/null && return 0
  pid="$(head -n 1 "$POSTGRES_DATA/postmaster.pid" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    log "postgres: pg_ctl stop failed, sending SIGQUIT to $pid"
    kill -QUIT "$pid" 2>/dev/null || true
    local i
    for ((i = 0; i < 30; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
    die "postgres: pid $pid did not exit"
  fi
}

postgres_accepting() { pg_isready -q -h 127.0.0.1 -p "$POSTGRES_PORT" -t 2; }

# Healthy means the app's own login works, not just that a server answers on the port.
postgres_status() {
  PGCONNECT_TIMEOUT=2 psql "$(postgres_url)" -Atqc 'select 1' >/dev/null 2>&1 </dev/null
}

postgres_url() { echo "postgres://spice:spice@127.0.0.1:$POSTGRES_PORT/spice"; }

postgres_env() {
  echo "export DATABASE_URL=$(postgres_url)"
}
