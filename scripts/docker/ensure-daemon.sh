#!/usr/bin/env bash
# Makes sure a Docker daemon answers. On a machine with only the client (or nothing), installs
# Debian's docker.io, starts dockerd in the background and waits for it. Safe to run again.
set -euo pipefail

LOG="${MOORING_DOCKERD_LOG:-/tmp/mooring-dockerd.log}"
WAIT_SECONDS="${MOORING_DOCKERD_WAIT:-60}"

say() { printf '[docker] %s\n' "$*"; }

if docker info >/dev/null 2>&1; then
  say "daemon is up ($(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?'))"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { say "no daemon, and no root or sudo to start one" >&2; exit 1; }
  SUDO="sudo"
fi

if ! command -v dockerd >/dev/null; then
  say "dockerd is missing; installing docker.io with apt"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y docker.io
fi

if pgrep -x dockerd >/dev/null; then
  say "dockerd is already starting"
else
  say "starting dockerd in the background (log: $LOG)"
  # shellcheck disable=SC2024
  $SUDO nohup dockerd >"$LOG" 2>&1 &
fi

for _ in $(seq 1 "$WAIT_SECONDS"); do
  if $SUDO docker info >/dev/null 2>&1; then
    if ! docker info >/dev/null 2>&1; then
      say "daemon is up, but $(id -un) may not use its socket; add the user to group docker" >&2
      exit 1
    fi
    say "daemon is up ($(docker version --format '{{.Server.Version}}'))"
    exit 0
  fi
  sleep 1
done

say "dockerd did not answer within ${WAIT_SECONDS}s; last log lines:" >&2
tail -n 20 "$LOG" >&2 || true
exit 1
