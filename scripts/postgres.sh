# Starts a local PostgreSQL for the tests and sets UPHELD_TEST_POSTGRES to an administrator's
# connection string (tests create and drop their own databases). Installs the server if missing.
start_postgres() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    echo "test: installing PostgreSQL..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || return 1
  fi
  local version
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if [ -z "$(pg_lsclusters -h 2>/dev/null | awk -v v="$version" '$1 == v')" ]; then
    pg_createcluster "$version" main >/dev/null || return 1
  fi
  local port
  port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v {print $3; exit}')
  if ! pg_lsclusters -h | awk -v v="$version" '$1 == v {print $4}' | grep -q online; then
    pg_ctlcluster "$version" main start || return 1
  fi
  local runas=(runuser -u postgres --)
  [ "$(id -u)" -eq 0 ] || runas=()
  for _ in $(seq 1 30); do
    "${runas[@]}" psql -p "$port" -qAtc "SELECT 1" >/dev/null 2>&1 && break
    sleep 0.5
  done
  "${runas[@]}" psql -p "$port" -qAtc "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'upheld_test') THEN
        CREATE ROLE upheld_test LOGIN SUPERUSER PASSWORD 'upheld_test';
      END IF; END \$\$;" >/dev/null || return 1
  UPHELD_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=upheld_test;Password=upheld_test;Database=postgres"
}
