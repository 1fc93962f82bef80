#!/usr/bin/env bash
# tools/buildroot's decisions, checked on the host (it is the part of the test run that happens
# before anything enters the build root): which hosts it accepts, and when a cached root is
# complete, missing, half made (interrupted), stale or made from another package list. Fake roots
# in a temporary cache; nothing is downloaded. With KIOSK_BUILDROOT_TEST_OFFLINE=1 on a Debian 12
# host that has a real root, it also checks that a stale root is still used without network
# (a private network namespace with nothing in it) and that a command runs in it.
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
br=$here/tools/buildroot
checks=0; failures=0
check() {  # check NAME EXPECTED ACTUAL
  checks=$((checks + 1))
  if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1: expected '$2', got '$3'"; failures=$((failures + 1)); fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

release() { printf 'ID=%s\nVERSION_ID="%s"\n' "$1" "$2" > "$tmp/os-release"; }
kind() { KIOSK_IN_BUILDROOT= KIOSK_OS_RELEASE="$tmp/os-release" "$br" kind 2>&1; }
release debian 12; check "Debian 12 builds in a root" debian12 "$(kind)"
release debian 13; check "Debian 13 builds natively" debian13 "$(kind)"
release ubuntu 24.04
out=$(kind); code=$?
check "another host is refused" 2 "$code"
case "$out" in *"supported are Debian 13"*"Debian 12"*) said=yes ;; *) said=no ;; esac
check "the refusal says what is supported" yes "$said"
release debian 13
check "on Debian 13, run is the command itself" "native" "$(KIOSK_IN_BUILDROOT= KIOSK_OS_RELEASE="$tmp/os-release" "$br" run echo native)"

# States of a cached root (status prints "<root>: <state>").
release debian 12
state() { KIOSK_IN_BUILDROOT= KIOSK_OS_RELEASE="$tmp/os-release" KIOSK_BUILDROOT_CACHE="$tmp/cache" "$br" status | sed 's/.*: //'; }
root=$tmp/cache/trixie
check "no root yet" missing "$(state)"
mkdir -p "$root/usr"
check "a root without its marker (interrupted) is half made" half-made "$(state)"
hash=$(cd "$here" && for f in tools/packages/*.txt; do sed 's/#.*//; s/[[:space:]]//g; /^$/d' "$f"; done | sort -u | sha256sum | cut -c1-16)
echo "$(date +%s) $hash" > "$root/.kiosk-buildroot-complete"
check "a fresh root made from this package list is complete" complete "$(state)"
echo "$(( $(date +%s) - 8 * 86400 )) $hash" > "$root/.kiosk-buildroot-complete"
check "a root older than 7 days is stale" stale "$(state)"
echo "$(date +%s) 0000000000000000" > "$root/.kiosk-buildroot-complete"
check "a root made from another package list is out of date" other-list "$(state)"
echo "garbage" > "$root/.kiosk-buildroot-complete"
check "a damaged marker is not taken for complete" other-list "$(state)"

if [ "${KIOSK_BUILDROOT_TEST_OFFLINE:-0}" = 1 ] && [ "$(id -u)" = 0 ] && [ "$(KIOSK_IN_BUILDROOT= "$br" kind)" = debian12 ] &&
   [ "$(KIOSK_IN_BUILDROOT= "$br" status | sed 's/.*: //')" = complete ]; then
  # Stale by age 0: the update fails without network, the root is used as it is.
  out=$(KIOSK_IN_BUILDROOT= KIOSK_BUILDROOT_MAX_AGE_DAYS=0 unshare --net "$br" run cat /etc/debian_version 2>&1)
  case "$out" in *WARNING*"no update"*) warned=yes ;; *) warned=no ;; esac
  check "offline, a stale root is used with a warning" yes "$warned"
  check "offline, the command ran in the Debian 13 root" 13 "$(echo "$out" | tail -n 1 | cut -d. -f1)"
  check "the root is still complete after the failed update" complete "$(KIOSK_IN_BUILDROOT= "$br" status | sed 's/.*: //')"
fi
echo "buildroot: $((checks - failures)) passed, $failures failed"
[ "$failures" = 0 ]
