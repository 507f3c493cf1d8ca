# Sourced by .ci/run: make sure a real local PostgreSQL serves 127.0.0.1 and export its URL for the storage tests.
# Idempotent and quick when PostgreSQL is installed and running already; needs root (CI runs as root) and network
# only to Debian's package mirrors on the first run. Never prompts (CI has no stdin).

podium_postgres() {
    local db=podium_test role=podium password=podium version port
    if [ -n "${PODIUM_TEST_POSTGRES_URL:-}" ]; then
        echo "storage tests: PostgreSQL at the given PODIUM_TEST_POSTGRES_URL"
        return 0
    fi
    if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || ! command -v pg_ctlcluster >/dev/null; then
        echo "storage tests: installing PostgreSQL (Debian package)"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq </dev/null
        apt-get install -y -qq --no-install-recommends postgresql </dev/null >/dev/null
    fi
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {found = 1} END {exit !found}'; then
        pg_createcluster "$version" main </dev/null >/dev/null
    fi
    port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
    if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 ~ /online/ {found = 1} END {exit !found}'; then
        pg_ctlcluster "$version" main start </dev/null
    fi
    for _ in $(seq 1 50); do
        pg_isready -q -h 127.0.0.1 -p "$port" && break
        sleep 0.2
    done
    # A login role with a known password (pg_hba allows passwords on 127.0.0.1) and a database for the tests.
    su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1" >/dev/null <<SQL || return 1
SELECT 'CREATE ROLE $role LOGIN CREATEDB PASSWORD ''$password'''
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') \gexec
ALTER ROLE $role PASSWORD '$password';
SELECT 'CREATE DATABASE $db OWNER $role'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db') \gexec
SQL
    export PODIUM_TEST_POSTGRES_URL="postgresql+asyncpg://$role:$password@127.0.0.1:$port/$db"
    echo "storage tests: PostgreSQL $version on 127.0.0.1:$port, database $db"
}
