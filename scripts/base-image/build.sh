#!/usr/bin/env bash
# Builds a local Python base image from Debian packages, for machines that cannot pull one.
# The image trusts every CA certificate under /usr/local/share/ca-certificates, so pip inside
# builds works behind a TLS-inspecting proxy. See README.md next to this script.
set -euo pipefail

IMAGE="mooring/python-base:bookworm"
SUITE="bookworm"
FORCE=0
CERT_DIR="/usr/local/share/ca-certificates"
PACKAGES="python3,python3-venv,python3-pip,ca-certificates"
CA_BUNDLE="/etc/ssl/certs/ca-certificates.crt"

usage() {
  cat <<USAGE
Usage: $0 [--force] [--image NAME:TAG] [--mirror URL]
  --force    rebuild even if the image already exists
  --image    image name to create (default: $IMAGE)
  --mirror   Debian mirror (default: the one apt is configured with, or MOORING_DEBIAN_MIRROR)
USAGE
}

say() { printf '[base-image] %s\n' "$*"; }

MIRROR="${MOORING_DEBIAN_MIRROR:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --force) FORCE=1 ;;
    --image) IMAGE="${2:?--image needs a value}"; shift ;;
    --mirror) MIRROR="${2:?--mirror needs a value}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done

# The first Debian mirror apt uses for the plain suite (not -security or -updates), in either
# the one-line or the deb822 format. Third-party repositories never list that suite.
apt_mirror() {
  local files
  files=$(ls /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
    /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [ -n "$files" ] || return 0
  # shellcheck disable=SC2086
  awk -v suite="$SUITE" '
    /^deb[ \t]/ {
      i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
      if ($(i + 1) == suite) { print $i; exit }
    }
    /^[ \t]*$/ { uris = ""; suites = "" }
    /^URIs:/ { uris = $2 }
    /^Suites:/ { for (j = 2; j <= NF; j++) if ($j == suite) suites = suite }
    uris != "" && suites != "" { print uris; exit }
  ' $files
}

if [ "$FORCE" -eq 0 ] && docker image inspect "$IMAGE" >/dev/null 2>&1; then
  say "$IMAGE already exists; nothing to do (use --force to rebuild)"
  exit 0
fi

if [ -z "$MIRROR" ]; then
  MIRROR="$(apt_mirror)"
fi
MIRROR="${MIRROR:-http://deb.debian.org/debian}"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { say "debootstrap needs root, and sudo is missing" >&2; exit 1; }
  SUDO="sudo"
fi

if ! command -v debootstrap >/dev/null; then
  say "installing debootstrap"
  # A fresh machine may have no package lists yet.
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q debootstrap
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/mooring-base-image.XXXXXX")"
cleanup() { $SUDO rm -rf "$WORK"; }
trap cleanup EXIT
ROOT="$WORK/root"

say "debootstrap $SUITE (minbase, $PACKAGES) from $MIRROR into $ROOT"
$SUDO debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$ROOT" "$MIRROR"

CERTS=$(find "$CERT_DIR" -type f -name '*.crt' 2>/dev/null | sort || true)
if [ -n "$CERTS" ]; then
  say "trusting extra CA certificates: $(echo "$CERTS" | xargs -n1 basename | xargs)"
  $SUDO mkdir -p "$ROOT$CERT_DIR"
  # shellcheck disable=SC2086
  $SUDO cp $CERTS "$ROOT$CERT_DIR/"
else
  say "no extra CA certificates under $CERT_DIR"
fi
$SUDO chroot "$ROOT" update-ca-certificates

say "trimming apt caches and package lists"
$SUDO chroot "$ROOT" apt-get clean
$SUDO rm -rf "$ROOT"/var/lib/apt/lists/* "$ROOT"/var/cache/apt/*.bin "$ROOT"/var/log/*.log

say "importing into docker as $IMAGE"
$SUDO tar --numeric-owner -C "$ROOT" -c . | docker import \
  --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --change "ENV LANG=C.UTF-8" \
  --change "ENV PYTHONUNBUFFERED=1" \
  --change "ENV PIP_CERT=$CA_BUNDLE" \
  --change "ENV SSL_CERT_FILE=$CA_BUNDLE" \
  --change "ENV REQUESTS_CA_BUNDLE=$CA_BUNDLE" \
  --change "ENV CURL_CA_BUNDLE=$CA_BUNDLE" \
  --change 'CMD ["python3"]' \
  --message "Debian $SUITE minbase with Python, built by Mooring" \
  - "$IMAGE"

say "done: $(docker image inspect --format '{{.Id}} {{.Size}} bytes' "$IMAGE")"
