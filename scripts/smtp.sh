# Starts an SMTP sink on loopback for the mail tests (Postfix's smtp-sink, installed if missing) and sets
# UPHELD_TEST_SMTP (host:port) and UPHELD_TEST_SMTP_DIR (where each message is dumped as a file).
# A sink already listening on the port is reused: the tests find their own messages by unique addresses.
start_smtp() {
  local port=2525 dir=/tmp/upheld-smtp
  if ! command -v smtp-sink >/dev/null 2>&1; then
    [ "$(id -u)" -eq 0 ] || return 1
    echo "test: installing postfix for smtp-sink..." >&2
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix >/dev/null) || return 1
  fi
  mkdir -p "$dir" && chmod 1777 "$dir"
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    # As root, smtp-sink must drop to another user after opening its socket; that user writes the dumps.
    local user=()
    [ "$(id -u)" -eq 0 ] && user=(-u nobody)
    # -d: one file per message, named from the template plus a random suffix; 100: the listen backlog.
    setsid nohup smtp-sink "${user[@]}" -d "$dir/%Y%m%d%H%M%S." "127.0.0.1:$port" 100 >/dev/null 2>&1 < /dev/null &
    for _ in $(seq 1 20); do
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
      sleep 0.25
    done
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || return 1
  fi
  UPHELD_TEST_SMTP="127.0.0.1:$port"
  UPHELD_TEST_SMTP_DIR="$dir"
}
