#!/bin/sh
# The official postgres image's start-up, reduced to what compose.yaml uses: a first start creates
# the cluster with POSTGRES_USER / POSTGRES_PASSWORD and the database POSTGRES_DB; every start then
# runs postgres in the foreground as the postgres user, listening on all interfaces.
set -eu
if [ "$(id -u)" = 0 ]; then
	mkdir -p "$PGDATA" /run/postgresql
	chown -R postgres:postgres "$PGDATA" /run/postgresql
	chmod 700 "$PGDATA"
	exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi
user=${POSTGRES_USER:-postgres}
if [ ! -s "$PGDATA/PG_VERSION" ]; then
	: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}"
	pwfile=$(mktemp)
	printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
	initdb -D "$PGDATA" -U "$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 >/dev/null
	rm -f "$pwfile"
	echo 'host all all all scram-sha-256' >>"$PGDATA/pg_hba.conf"
	# the database, on a server that only listens on its Unix socket meanwhile
	pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
	db=${POSTGRES_DB:-$user}
	[ "$db" = postgres ] || createdb -U "$user" "$db"
	pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
	echo "postgres stand-in: created the cluster with user $user and database $db"
fi
exec postgres -D "$PGDATA" -c listen_addresses='*'
