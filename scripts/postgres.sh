#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests (Debian's postgresql package, installed if
# missing) and print its DATABASE_URL on the last line of stdout. It listens only on a unix
# socket inside DIR, so no TCP port can collide with another server or race another test; set
# MLINTERVIEW_PG_PORT to have it listen on 127.0.0.1:PORT as well (e.g. for a load bench).
#   eval "$(bash scripts/postgres.sh start DIR | tail -n 1)"   # exports DATABASE_URL
#   bash scripts/postgres.sh stop DIR
# The cluster lives in DIR (created, owned by the postgres user); nothing else is touched.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

action=${1:?usage: postgres.sh start|stop DIR}
dir=${2:?usage: postgres.sh start|stop DIR}
port=${MLINTERVIEW_PG_PORT:-}

apt_install postgresql >&2
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

case "$action" in
  start)
    where="a unix socket in $dir${port:+ and 127.0.0.1:$port}"
    say "starting PostgreSQL ($("$bin/postgres" --version | awk '{print $3}')) in $dir on $where" >&2
    mkdir -p "$dir"
    chown postgres:postgres "$dir"
    chmod 700 "$dir"
    runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # Loopback only; durability traded for speed (a throwaway test server). In the config file,
    # so that a plain "pg_ctl start" after a stop (the restart test) brings back the same server.
    cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = '${port:+127.0.0.1}'
port = ${port:-5432}
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start >/dev/null
    if [[ -n "$port" ]]; then
      echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$port/mlinterview"
    else  # the socket folder as the host, percent-encoded
      echo "export DATABASE_URL=postgres://postgres@$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$dir")/mlinterview"
    fi
    ;;
  stop)
    if [[ -d "$dir/data" ]]; then
      runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: postgres.sh start|stop DIR" >&2
    exit 2
    ;;
esac
