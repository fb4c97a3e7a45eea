#!/usr/bin/env bash
# Start (or stop) a throw-away PostgreSQL server for tests: no systemd needed.
#
#   eval "$(scripts/start-postgres.sh)"        # start; exports TEST_DATABASE_URL
#   scripts/start-postgres.sh stop              # stop it and delete its data
#
# start: initdb into a temporary directory (trust auth, UTF-8, C.UTF-8 locale), listen on
# 127.0.0.1:$ICEDA_PG_PORT (default 54329) with a private socket directory and fsync=off,
# allow $ICEDA_PG_MAX_CONNECTIONS clients (default 400: the suite runs its tests in parallel),
# create the database $ICEDA_PG_DB (default iceda_test), and print shell `export` lines
# (TEST_DATABASE_URL, ICEDA_PG_STATE) on stdout; everything else goes to stderr.
# The server's location is kept in the state file $ICEDA_PG_STATE so that `stop` finds it.
# Runs initdb/pg_ctl as the `postgres` user when invoked as root, as the caller otherwise.
set -euo pipefail

PGPORT="${ICEDA_PG_PORT:-54329}"
PGDB="${ICEDA_PG_DB:-iceda_test}"
# `swift test` runs every test in parallel, each with its own app and connection pool.
PGMAXCONN="${ICEDA_PG_MAX_CONNECTIONS:-400}"
STATE="${ICEDA_PG_STATE:-${TMPDIR:-/tmp}/iceda-postgres-$PGPORT.state}"

log() { printf 'start-postgres: %s\n' "$*" >&2; }

as_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

find_pgbin() {
    local d
    d=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -1)
    if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then
        log "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)"
        exit 1
    fi
    printf '%s\n' "$d"
}

stop_server() {
    if [ ! -f "$STATE" ]; then
        log "no state file $STATE: nothing to stop"
        return 0
    fi
    # shellcheck disable=SC1090
    . "$STATE"
    if [ -n "${PGDATA:-}" ] && [ -f "$PGDATA/postmaster.pid" ]; then
        log "stopping PostgreSQL in $PGDATA"
        as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >&2 || log "pg_ctl stop failed"
    fi
    case "${PGDATA:-}" in /tmp/*|"${TMPDIR:-/tmp}"/*) rm -rf "$PGDATA" ;; esac
    case "${PGSOCK:-}" in /tmp/*|"${TMPDIR:-/tmp}"/*) rm -rf "$PGSOCK" ;; esac
    rm -f "$STATE"
}

start_server() {
    local PGBIN PGDATA PGSOCK
    PGBIN=$(find_pgbin)
    if [ -f "$STATE" ]; then
        log "found an old state file $STATE: stopping that server first"
        stop_server
    fi
    if "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" 2>/dev/null; then
        log "something already answers on 127.0.0.1:$PGPORT; set ICEDA_PG_PORT to another port"
        exit 1
    fi
    PGDATA=$(mktemp -d "${TMPDIR:-/tmp}/iceda-pgdata.XXXXXX")
    PGSOCK=$(mktemp -d "${TMPDIR:-/tmp}/iceda-pgsock.XXXXXX")
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$PGDATA" "$PGSOCK"
    fi
    chmod 700 "$PGDATA"
    {
        printf 'PGBIN=%q\n' "$PGBIN"
        printf 'PGDATA=%q\n' "$PGDATA"
        printf 'PGSOCK=%q\n' "$PGSOCK"
        printf 'PGPORT=%q\n' "$PGPORT"
    } >"$STATE"

    log "initdb into $PGDATA ($PGBIN)"
    if ! as_pg "$PGBIN/initdb" -D "$PGDATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$PGDATA.initdb.log" 2>&1; then
        cat "$PGDATA.initdb.log" >&2
        rm -f "$PGDATA.initdb.log"
        stop_server
        exit 1
    fi
    rm -f "$PGDATA.initdb.log"

    log "starting on 127.0.0.1:$PGPORT (socket dir $PGSOCK, fsync=off)"
    if ! as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 60 \
        -o "-p $PGPORT -k $PGSOCK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=$PGMAXCONN" \
        start >&2; then
        log "PostgreSQL did not start; its log:"
        cat "$PGDATA/server.log" >&2 || true
        stop_server
        exit 1
    fi

    log "creating database $PGDB"
    if ! psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres \
        -c "CREATE DATABASE \"$PGDB\"" >&2; then
        stop_server
        exit 1
    fi

    local url="postgres://postgres@127.0.0.1:$PGPORT/$PGDB"
    log "ready: $url"
    printf 'export TEST_DATABASE_URL=%q\n' "$url"
    printf 'export ICEDA_PG_STATE=%q\n' "$STATE"
}

case "${1:-start}" in
    start) start_server ;;
    stop) stop_server ;;
    *)
        echo "usage: $0 [start|stop]" >&2
        exit 2
        ;;
esac
