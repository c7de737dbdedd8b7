#!/usr/bin/env bash
# Downloads the Debian packages whose SQL the real-world probes read, and unpacks them (no
# install, no dependencies) under a directory: PostgreSQL extension packages, application
# packages with SQL schemas in three dialects, and MariaDB's test suite. Only Debian's package
# archive is contacted. Usage: scripts/real-world/fetch-debian.sh <dir>   (~60 MB of downloads)
set -euo pipefail
dir=${1:?usage: fetch-debian.sh <dir>}
mkdir -p "$dir/debs" "$dir/root"
cd "$dir/debs"
pg=$(apt-cache search --names-only '^postgresql-[0-9]+$' | awk '{print $1}' | sed 's/postgresql-//' | sort -n | tail -1)
extensions=$(apt-cache search --names-only "^postgresql-$pg-" | awk '{print $1}' | grep -v -E -- "-(doc|dbgsym)$|omnidb|pgpool2|repmgr|auto-failover")
apps="roundcube-core zabbix-server-pgsql zabbix-server-mysql icinga2-ido-pgsql icinga2-ido-mysql bacula-director-pgsql
  bacula-director-mysql bacula-director-sqlite3 pdns-backend-pgsql pdns-backend-mysql pdns-backend-sqlite3 mediawiki
  kamailio-postgres-modules kamailio-mysql-modules kamailio-sqlite-modules freeradius-postgresql freeradius-mysql
  phpmyadmin tt-rss ledgersmb dovecot-pgsql gammu-smsd request-tracker5 slony1-2-bin pgpool2 bucardo"
for package in $extensions $apps "postgresql-doc-$pg" mariadb-test-data; do
  apt-get download "$package" >/dev/null 2>&1 || echo "not available: $package" >&2
done
for deb in *.deb; do dpkg -x "$deb" "$dir/root"; done
echo "unpacked $(ls *.deb | wc -l) packages under $dir/root"
