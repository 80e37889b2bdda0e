#!/bin/sh
# Install the Debian/Ubuntu packages the product needs (as root), or print the command to run.
# Usage: scripts/sysdeps.sh run|test
set -eu
RUN_PKGS="python3-venv libzbar0 tesseract-ocr"
# The synthetic KTP generator draws cards in these font families (tests/synthetic/styles.py).
TEST_PKGS="$RUN_PKGS chromium fonts-dejavu-core poppler-utils npm fonts-ocr-a fonts-liberation fonts-freefont-ttf fonts-noto-core"
case "${1:-run}" in
  run) want="$RUN_PKGS" ;;
  test) want="$TEST_PKGS" ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "sysdeps: not a Debian/Ubuntu system; install the equivalents of: $want (see README)" >&2
  exit 0
fi
missing=""
for pkg in $want; do
  # python3-venv is only a Debian split of the standard library; any working venv module is enough.
  if [ "$pkg" = python3-venv ] && python3 -c "import ensurepip, venv" 2>/dev/null; then continue; fi
  # npm (for the test-only axe-core) may come with a Node.js installed another way: any npm will do.
  if [ "$pkg" = npm ] && command -v npm >/dev/null 2>&1; then continue; fi
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  case "$status" in *"install ok installed"*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "sysdeps: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends $missing
else
  echo "sysdeps: missing Debian packages:$missing" >&2
  echo "sysdeps: run   sudo apt-get install$missing" >&2
  [ "${1:-run}" = test ] && echo "sysdeps: the tests that need them will be skipped (listed at the end of the run)" >&2
fi
exit 0
