#!/usr/bin/env bash
# Installs (Debian, as root) and starts what the test suite needs: a throw-away PostgreSQL
# server on loopback and Debian's Chromium for browser tests. Sourced by scripts/test.sh;
# exports PARLEY_TEST_PG_URL and PARLEY_CHROMIUM, and stops the server on exit.

pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "services: $* missing and not root; install it with your package manager" >&2
    return 1
  fi
  if [ ! -f /tmp/.parley-apt-updated ]; then
    apt-get update -qq && touch /tmp/.parley-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

start_postgres() {
  local bin port=${PARLEY_TEST_PG_PORT:-55432}
  bin=$(pg_bin) || { apt_install postgresql && bin=$(pg_bin); } || return 1
  PG_DIR=$(mktemp -d /tmp/parley-pg.XXXXXX)
  local run=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home "$PG_DIR" postgres
    chown postgres "$PG_DIR"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U parley --auth=trust -E UTF8 >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  "${run[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U parley parley_test
  export PARLEY_TEST_PG_URL="postgresql+psycopg://parley@127.0.0.1:$port/parley_test"
  PG_STOP=("${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -m fast stop)
  echo "services: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

stop_postgres() {
  if [ -n "${PG_DIR:-}" ]; then
    "${PG_STOP[@]}" >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}

ensure_chromium() {
  local c
  for c in /usr/bin/chromium /usr/bin/chromium-browser; do
    [ -x "$c" ] && { export PARLEY_CHROMIUM=$c; return 0; }
  done
  apt_install chromium fonts-dejavu-core && export PARLEY_CHROMIUM=/usr/bin/chromium
}
