#!/usr/bin/env bash
# tests/image/install_update_test.sh: the on-device update (image/make-update, then
# image/rootfs/usr/lib/kiosk/install-update) on plain files: a fake kiosk root with the kernel
# command line, an ESP directory, root-a/root-b partition files, the provisioned kiosk.conf and
# efivars, all through install-update's environment overrides. No root, loop devices or QEMU.
#
#   install_update_test.sh KIOSKCTL KIOSK_HUB WORK_DIR
#
# 1. slot A installs a package (tar) into B: the partition file holds the squashfs bytes, the ESP
#    /b the kernel and initrd, kiosk-b+1.conf boots root-b with a higher entry version; A untouched.
# 2. B, blessed and running, installs the next package (a directory) into A.
# 3. Refusals, each changing nothing (every fake file's sha256 compared before and after):
#    tampered squashfs (tar and directory), bad signature, tampered manifest, wrong key, too large,
#    trial boot (efivar and a counting entry), not newer, failed before, missing partition, no key,
#    not a package.
# 4. --force reinstalls the running version.
set -euo pipefail
kioskctl=$(realpath "${1:?usage: install_update_test.sh KIOSKCTL KIOSK_HUB WORK_DIR}")
hub=$(realpath "${2:?KIOSK_HUB}")
work=${3:?WORK_DIR}
src=$(cd "$(dirname "$0")/../.." && pwd)
install_update=$src/image/rootfs/usr/lib/kiosk/install-update
make_update=$src/image/make-update
rm -rf "$work"; mkdir -p "$work"
work=$(realpath "$work")
kiosk=$work/kiosk
checks=0

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { checks=$((checks + 1)); }
sha() { sha256sum < "$1" | cut -c1-64; }
expect_file_equal() { cmp -s "$1" "$2" || fail "$1 differs from $2"; ok; }
entry_names() { (cd "$entries" && printf '%s ' *); }
expect_grep() { grep -qxF -- "$2" "$1" || { cat "$1" >&2; fail "$1 has no line '$2'"; }; ok; }

# make_image DIR VERSION ROOT_BYTES: dummy payload files (random, so every package differs).
make_image() {
  mkdir -p "$1"
  head -c "$3" /dev/urandom > "$1/root.squashfs"
  head -c 40000 /dev/urandom > "$1/vmlinuz"
  head -c 70000 /dev/urandom > "$1/initrd.img"
  echo "FIRMWARE_VERSION=$2" > "$1/image.env"
}
# package DIR KEY: the real make-update step.
package() {
  "$make_update" --from "$1" --key "$2" --kioskctl "$kioskctl" > "$work/make-update.out" ||
    fail "make-update failed for $1"
}

run_install() {
  KIOSK_ROOT=$kiosk KIOSKCTL=$kioskctl "$install_update" "$@" > "$work/out" 2> "$work/err"
}
# The fake kiosk as files: every file under the fake root except the lock.
snapshot() { (cd "$kiosk" && find . -path ./run -prune -o -type f -print0 | sort -z | xargs -0 sha256sum); }
# expect_refused CODE ARGS...: exit 1, the stable message, nothing changed.
expect_refused() {
  local code=$1; shift
  local before after status=0
  before=$(snapshot)
  run_install "$@" || status=$?
  [ "$status" = 1 ] || { cat "$work/err" >&2; fail "$code: exit $status, expected 1 (args: $*)"; }
  grep -q "^install-update: $code: " "$work/err" || { cat "$work/err" >&2; fail "expected $code (args: $*)"; }
  after=$(snapshot)
  [ "$before" = "$after" ] || { diff <(echo "$before") <(echo "$after") >&2; fail "$code changed files"; }
  echo "refused, nothing changed: $(head -n 1 "$work/err")"
  ok
}

# ---- keys and packages -----------------------------------------------------------------------
mkdir -p "$work/keys"
"$hub" keygen "$work/keys/centre" > /dev/null
"$hub" keygen "$work/keys/other" > /dev/null
make_image "$work/v1" 2026.12.01 300000
package "$work/v1" "$work/keys/centre.key"
pkg1=$work/v1/kiosk-update-2026.12.01.tar
[ -f "$pkg1" ] || fail "make-update did not write $pkg1"
[ "$(tar -tf "$pkg1" | tr '\n' ' ')" = "manifest manifest.sig root.squashfs vmlinuz initrd.img " ] ||
  fail "unexpected members: $(tar -tf "$pkg1" | tr '\n' ' ')"
ok
tar -xOf "$pkg1" manifest > "$work/manifest1"
expect_grep "$work/manifest1" "format kiosk-update-1"
expect_grep "$work/manifest1" "version 2026.12.01"
expect_grep "$work/manifest1" "file root.squashfs 300000 $(sha "$work/v1/root.squashfs")"
expect_grep "$work/manifest1" "file vmlinuz 40000 $(sha "$work/v1/vmlinuz")"
expect_grep "$work/manifest1" "file initrd.img 70000 $(sha "$work/v1/initrd.img")"
tar -xOf "$pkg1" manifest.sig > "$work/manifest1.sig"
"$kioskctl" update verify "$work/manifest1" --sig "$work/manifest1.sig" --pubkey "$work/keys/centre.pub" > /dev/null ||
  fail "kioskctl update verify rejects make-update's signature"
ok
if "$kioskctl" update verify "$work/manifest1" --sig "$work/manifest1.sig" --pubkey "$work/keys/other.pub" 2> "$work/err" > /dev/null; then
  fail "kioskctl update verify accepts the wrong key"
fi
grep -q "update_bad_signature" "$work/err" || fail "wrong key: $(cat "$work/err")"
ok
# kioskctl signs only update manifests, and says which file is wrong.
echo "database = x" > "$work/not-a-manifest"
if "$kioskctl" update sign "$work/not-a-manifest" --key "$work/keys/centre.key" > /dev/null 2> "$work/err"; then
  fail "kioskctl signed a file that is not an update manifest"
fi
grep -q "update_manifest_invalid" "$work/err" || fail "not a manifest: $(cat "$work/err")"
[ ! -e "$work/not-a-manifest.sig" ] || fail "a signature was written for a file that is not a manifest"
ok
echo "short" > "$work/short.sig"
if "$kioskctl" update verify "$work/manifest1" --sig "$work/short.sig" --pubkey "$work/keys/centre.pub" > /dev/null 2> "$work/err"; then
  fail "kioskctl accepted a signature file that is not 128 hex digits"
fi
grep -q "update_bad_signature" "$work/err" || fail "short signature: $(cat "$work/err")"
ok

make_image "$work/v2" 2026.12.02 250000
package "$work/v2" "$work/keys/centre.key"
pkg2=$work/v2/kiosk-update-2026.12.02.tar

# ---- the fake kiosk, running slot A (as image/assemble writes it) ----------------------------
opts="rootfstype=squashfs ro panic=10 console=tty1 console=ttyS0,115200 kiosk.watchdog_sec=300"
mkdir -p "$kiosk/proc" "$kiosk/efi/loader/entries" "$kiosk/efi/a" "$kiosk/efi/b" "$kiosk/dev/disk/by-partlabel" \
  "$kiosk/data/kiosk" "$kiosk/usr/share/kiosk" "$kiosk/sys/firmware/efi/efivars"
printf '%s\n' "initrd=\\a\\initrd.img root=PARTLABEL=root-a kiosk.slot=a $opts" > "$kiosk/proc/cmdline"
printf 'timeout 0\ndefault kiosk-*\n' > "$kiosk/efi/loader/loader.conf"
printf 'title Kiosk (slot A)\nversion 1\nlinux /a/vmlinuz\ninitrd /a/initrd.img\noptions root=PARTLABEL=root-a kiosk.slot=a %s\n' \
  "$opts" > "$kiosk/efi/loader/entries/kiosk-a.conf"
# A failed earlier trial of B: install-update removes it.
printf 'title Kiosk (slot B)\nversion 2\nlinux /b/vmlinuz\ninitrd /b/initrd.img\noptions root=PARTLABEL=root-b kiosk.slot=b\n' \
  > "$kiosk/efi/loader/entries/kiosk-b+0-1.conf"
head -c 40000 /dev/urandom > "$kiosk/efi/a/vmlinuz"
head -c 70000 /dev/urandom > "$kiosk/efi/a/initrd.img"
head -c 1000 /dev/urandom > "$kiosk/efi/b/vmlinuz"
head -c 1048576 /dev/urandom > "$kiosk/dev/disk/by-partlabel/root-a"
head -c 1048576 /dev/urandom > "$kiosk/dev/disk/by-partlabel/root-b"
echo "bundle_public_key = $(cat "$work/keys/centre.pub")" > "$kiosk/data/kiosk/kiosk.conf"
echo 2026.11.25 > "$kiosk/usr/share/kiosk/firmware-version"

part_a=$kiosk/dev/disk/by-partlabel/root-a
part_b=$kiosk/dev/disk/by-partlabel/root-b
entries=$kiosk/efi/loader/entries
a_entry_sha=$(sha "$entries/kiosk-a.conf"); a_part_sha=$(sha "$part_a")
a_kernel_sha=$(sha "$kiosk/efi/a/vmlinuz"); a_initrd_sha=$(sha "$kiosk/efi/a/initrd.img")
b_tail_sha=$(tail -c +300001 "$part_b" | sha256sum | cut -c1-64)

# A trial boot of A itself (its entry still counts tries) is refused before anything else.
mv "$entries/kiosk-a.conf" "$entries/kiosk-a+1.conf"
expect_refused update_trial_boot "$pkg1"
mv "$entries/kiosk-a+1.conf" "$entries/kiosk-a.conf"

# The same version already failed its trial in slot B (the entry names it): not again, unless forced.
printf 'title Kiosk 2026.12.01 (slot B)\nsort-key kiosk\nversion 2\nlinux /b/vmlinuz\ninitrd /b/initrd.img\noptions root=PARTLABEL=root-b kiosk.slot=b\n' \
  > "$entries/kiosk-b+0-1.conf"
expect_refused update_failed_before "$pkg1"
grep -q "firmware 2026.12.01 was tried in slot b and did not come up (kiosk-b+0-1.conf)" "$work/err" ||
  fail "update_failed_before does not name the version and entry: $(cat "$work/err")"
ok
# A failed trial of another version does not stop this one.
sed -i 's/^title .*/title Kiosk 2026.11.28 (slot B)/' "$entries/kiosk-b+0-1.conf"

# ---- 1. slot A installs the tar into slot B --------------------------------------------------
run_install "$pkg1" || { cat "$work/err" >&2; fail "install from slot A failed"; }
grep -q "update_installed: firmware 2026.12.01 in slot b (kiosk-b+1.conf)" "$work/out" || fail "no success line: $(cat "$work/out")"
ok
[ "$(head -c 300000 "$part_b" | sha256sum | cut -c1-64)" = "$(sha "$work/v1/root.squashfs")" ] ||
  fail "root-b does not hold the squashfs"
ok
[ "$(stat -c %s "$part_b")" = 1048576 ] || fail "root-b changed size ($(stat -c %s "$part_b"))"
[ "$(tail -c +300001 "$part_b" | sha256sum | cut -c1-64)" = "$b_tail_sha" ] || fail "root-b changed past the squashfs"
ok
expect_file_equal "$kiosk/efi/b/vmlinuz" "$work/v1/vmlinuz"
expect_file_equal "$kiosk/efi/b/initrd.img" "$work/v1/initrd.img"
[ -f "$entries/kiosk-b+1.conf" ] || fail "no kiosk-b+1.conf (entries: $(ls "$entries"))"
[ ! -e "$entries/kiosk-b+0-1.conf" ] || fail "the stale entry of slot B is still there"
[ "$(entry_names)" = "kiosk-a.conf kiosk-b+1.conf " ] || fail "entries: $(entry_names)"
ok
expect_grep "$entries/kiosk-b+1.conf" "options root=PARTLABEL=root-b kiosk.slot=b $opts"
expect_grep "$entries/kiosk-b+1.conf" "linux /b/vmlinuz"
expect_grep "$entries/kiosk-b+1.conf" "initrd /b/initrd.img"
expect_grep "$entries/kiosk-b+1.conf" "sort-key kiosk"
expect_grep "$entries/kiosk-b+1.conf" "title Kiosk 2026.12.01 (slot B)"
b_version=$(sed -n 's/^version //p' "$entries/kiosk-b+1.conf")
[ "$b_version" -gt 1 ] 2>/dev/null || fail "entry version '$b_version' is not above the running entry's 1"
ok
! grep -q "root-a\|kiosk.slot=a" "$entries/kiosk-b+1.conf" || fail "slot B's entry mentions slot A"
ok
if [ "$(sha "$entries/kiosk-a.conf")" != "$a_entry_sha" ] || [ "$(sha "$part_a")" != "$a_part_sha" ] ||
   [ "$(sha "$kiosk/efi/a/vmlinuz")" != "$a_kernel_sha" ] || [ "$(sha "$kiosk/efi/a/initrd.img")" != "$a_initrd_sha" ]; then
  fail "slot A (entry, partition, kernel or initrd) changed"
fi
ok
[ -z "$(find "$kiosk/efi" -name '*.new')" ] || fail "left-over files: $(find "$kiosk/efi" -name '*.new')"
ok

# ---- 2. B tried, blessed and running: the next package (a directory) goes into A -------------
mv "$entries/kiosk-b+1.conf" "$entries/kiosk-b.conf"
printf '%s\n' "initrd=\\b\\initrd.img root=PARTLABEL=root-b kiosk.slot=b $opts" > "$kiosk/proc/cmdline"
echo 2026.12.01 > "$kiosk/usr/share/kiosk/firmware-version"
mkdir -p "$work/pkg2dir"
tar -xf "$pkg2" -C "$work/pkg2dir"
b_entry_sha=$(sha "$entries/kiosk-b.conf"); b_part_sha=$(sha "$part_b")

# Refusals on this kiosk (running B, blessed, version 2026.12.01): nothing may change.
expect_refused update_not_newer "$pkg1"                       # the running version again
make_image "$work/old" 2026.11.30 1000
package "$work/old" "$work/keys/centre.key"
expect_refused update_not_newer "$work/old/kiosk-update-2026.11.30.tar"

# Tampered squashfs in a tar, with the original manifest and signature.
mkdir -p "$work/tamper"
tar -xf "$pkg2" -C "$work/tamper"
printf 'X' | dd of="$work/tamper/root.squashfs" bs=1 seek=1000 conv=notrunc status=none
tar -cf "$work/tampered.tar" -C "$work/tamper" manifest manifest.sig root.squashfs vmlinuz initrd.img
expect_refused update_checksum_mismatch "$work/tampered.tar"
expect_refused update_checksum_mismatch "$work/tamper"          # the same as a directory

# A tampered initrd (the last file checked): still nothing written.
rm -rf "$work/tamper2"; cp -r "$work/pkg2dir" "$work/tamper2"
printf 'Y' | dd of="$work/tamper2/initrd.img" bs=1 seek=5 conv=notrunc status=none
expect_refused update_checksum_mismatch "$work/tamper2"

# A bad signature: one hex digit of manifest.sig changed.
rm -rf "$work/badsig"; cp -r "$work/pkg2dir" "$work/badsig"
sig=$(cat "$work/badsig/manifest.sig")
first=${sig:0:1}; [ "$first" = 0 ] && flip=1 || flip=0
echo "$flip${sig:1}" > "$work/badsig/manifest.sig"
expect_refused update_bad_signature "$work/badsig"
# A manifest edited after signing (a higher version), with the original signature.
rm -rf "$work/badmanifest"; cp -r "$work/pkg2dir" "$work/badmanifest"
sed -i 's/^version .*/version 2099.01.01/' "$work/badmanifest/manifest"
expect_refused update_bad_signature "$work/badmanifest"
# Signed with a key the kiosk was not provisioned with.
rm -rf "$work/v2other"; cp -r "$work/v2" "$work/v2other"
package "$work/v2other" "$work/keys/other.key"
expect_refused update_bad_signature "$work/v2other/kiosk-update-2026.12.02.tar"

# A root larger than the 1 MiB partition.
make_image "$work/big" 2026.12.03 1048577
package "$work/big" "$work/keys/centre.key"
expect_refused update_too_large "$work/big/kiosk-update-2026.12.03.tar"

# A trial boot: systemd-boot's LoaderBootCountPath names B's entry, which still counts tries.
mv "$entries/kiosk-b.conf" "$entries/kiosk-b+0-1.conf"
var=$kiosk/sys/firmware/efi/efivars/LoaderBootCountPath-4a67b082-0a4c-41cf-b6c7-440b29bb8c4f
printf '\006\000\000\000' > "$var"
printf '\\loader\\entries\\kiosk-b+0-1.conf' | sed 's/./&\x00/g' >> "$var"
expect_refused update_trial_boot "$pkg2"
# The firmware's word (trial-boot), not only the entry's name, decided it.
grep -q "slot b is on its trial boot" "$work/err" || fail "the trial was not found through LoaderBootCountPath"
ok
rm -f "$var"
mv "$entries/kiosk-b+0-1.conf" "$entries/kiosk-b.conf"

# No partition for slot A; no key provisioned; not a package; no slot on the command line.
mv "$part_a" "$work/root-a.saved"
expect_refused update_no_partition "$pkg2"
mv "$work/root-a.saved" "$part_a"
mv "$kiosk/data/kiosk/kiosk.conf" "$work/kiosk.conf.saved"
echo "database = /data/kiosk/kiosk.db" > "$kiosk/data/kiosk/kiosk.conf"
expect_refused update_no_key "$pkg2"
mv "$work/kiosk.conf.saved" "$kiosk/data/kiosk/kiosk.conf"
head -c 5000 /dev/urandom > "$work/garbage.tar"
expect_refused update_package_unreadable "$work/garbage.tar"
expect_refused update_package_unreadable "$work/no-such-package.tar"
cp "$kiosk/proc/cmdline" "$work/cmdline.saved"
echo "root=/dev/sda2 ro" > "$kiosk/proc/cmdline"
expect_refused update_no_slot "$pkg2"
cp "$work/cmdline.saved" "$kiosk/proc/cmdline"

# The good package, as a directory.
a_part_before=$(sha "$part_a")
run_install "$work/pkg2dir" || { cat "$work/err" >&2; fail "install from slot B failed"; }
[ "$(head -c 250000 "$part_a" | sha256sum | cut -c1-64)" = "$(sha "$work/v2/root.squashfs")" ] ||
  fail "root-a does not hold the new squashfs"
[ "$(sha "$part_a")" != "$a_part_before" ] || fail "root-a did not change"
ok
expect_file_equal "$kiosk/efi/a/vmlinuz" "$work/v2/vmlinuz"
expect_file_equal "$kiosk/efi/a/initrd.img" "$work/v2/initrd.img"
[ "$(entry_names)" = "kiosk-a+1.conf kiosk-b.conf " ] || fail "entries: $(entry_names)"
ok
expect_grep "$entries/kiosk-a+1.conf" "options root=PARTLABEL=root-a kiosk.slot=a $opts"
expect_grep "$entries/kiosk-a+1.conf" "linux /a/vmlinuz"
a_version=$(sed -n 's/^version //p' "$entries/kiosk-a+1.conf")
[ "$a_version" -gt "$b_version" ] 2>/dev/null || fail "entry version '$a_version' is not above slot B's $b_version"
ok
if [ "$(sha "$entries/kiosk-b.conf")" != "$b_entry_sha" ] || [ "$(sha "$part_b")" != "$b_part_sha" ]; then
  fail "the running slot B (entry or partition) changed"
fi
ok

# ---- 3b. A tried 2026.12.02 and did not come up (one try, used): the same package is refused ----
mv "$entries/kiosk-a+1.conf" "$entries/kiosk-a+0-1.conf"
expect_refused update_failed_before "$pkg2"
expect_refused update_failed_before "$work/pkg2dir"
run_install --force "$pkg2" || { cat "$work/err" >&2; fail "--force over a failed trial failed"; }
[ "$(entry_names)" = "kiosk-a+1.conf kiosk-b.conf " ] || fail "entries after --force: $(entry_names)"
ok

# ---- 4. --force puts the running version into the other slot again ---------------------------
expect_refused update_not_newer "$pkg1"
run_install --force "$pkg1" || { cat "$work/err" >&2; fail "--force install failed"; }
[ "$(head -c 300000 "$part_a" | sha256sum | cut -c1-64)" = "$(sha "$work/v1/root.squashfs")" ] ||
  fail "--force did not write root-a"
expect_grep "$entries/kiosk-a+1.conf" "title Kiosk 2026.12.01 (slot A)"

echo "install_update_test: $checks checks passed"
