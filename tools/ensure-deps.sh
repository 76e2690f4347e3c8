#!/usr/bin/env bash
# Installs the Debian packages the product and its tests use, when missing.
# Sourced by test.sh and run.sh.

ensure_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "Missing packages: ${missing[*]} (run as root, or install them: apt-get install ${missing[*]})" >&2
    return 0
  fi
  echo "Installing ${missing[*]}..." >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_test_deps() {
  ensure_packages redis-server redis-tools postgresql python3-grpcio python3-protobuf protobuf-compiler python3-cryptography python3-yaml
}
