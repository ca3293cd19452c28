#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL cluster: `bash Scripts/with-postgres.sh swift test --disable-xctest`.
#
# The cluster lives in a temporary directory and listens only on a Unix socket there (no TCP port), with `peer`
# authentication, as a real office uses it: the OS login is the role (README "PostgreSQL"). PostgreSQL refuses
# to run as root, so as root the server runs as the `postgres` user and root gets a superuser role of its own. The
# command sees CIVGRID_TEST_PG=postgresql:///postgres?host=DIR; the cluster is stopped and removed when it ends.
# If PostgreSQL is missing it is installed from Debian's packages (as root); if the server cannot start, this fails
# with the server's log, so CI never runs the PostgreSQL tests silently without a server.
set -euo pipefail

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
PGBIN=$(pg_bin || true)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "with-postgres: PostgreSQL is not installed; install it (apt-get install postgresql) and run again" >&2
        exit 1
    fi
    echo "installing: postgresql"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    PGBIN=$(pg_bin)
fi

D=$(mktemp -d /tmp/civgrid-pg.XXXXXX)
me=$(id -un)
as_server() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$D"
stop() {
    as_server "'$PGBIN/pg_ctl' -D '$D/data' -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$D"
}
trap stop EXIT

super=$([ "$(id -u)" -eq 0 ] && echo postgres || echo "$me")
as_server "'$PGBIN/initdb' -D '$D/data' --auth-local=peer --auth-host=reject -U '$super' -E UTF8 --no-locale" >"$D/initdb.log" 2>&1 || {
    cat "$D/initdb.log" >&2; echo "with-postgres: initdb failed (above)" >&2; exit 1; }
# fsync off: a throw-away cluster need not survive a power cut, and the suite runs faster without it.
if ! as_server "'$PGBIN/pg_ctl' -D '$D/data' -l '$D/server.log' -w -t 60 \
        -o \"-k '$D' -c listen_addresses='' -c fsync=off -c max_connections=200\" start" >/dev/null; then
    cat "$D/server.log" >&2 || true
    echo "with-postgres: the PostgreSQL server did not start (its log is above)" >&2
    exit 1
fi
if [ "$super" != "$me" ]; then
    as_server "'$PGBIN/createuser' -h '$D' -U '$super' -s '$me'"
fi
export CIVGRID_TEST_PG="postgresql:///postgres?host=$D" CIVGRID_TEST_PG_AUTH=peer
echo "with-postgres: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on $D"
"$@"
