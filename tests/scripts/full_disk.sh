#!/usr/bin/env bash
# BAD-INPUTS case 23: writing to a full disk and to places that cannot be
# written. Every time: non-zero exit (2, nothing written), a message naming
# the output and the reason, the earlier output intact byte for byte, and no
# temporary file left behind.
#   bash tests/scripts/full_disk.sh /path/to/newskg [CASE...]
#
# /dev/full: the output is written atomically by renaming a temporary file
# over it, which is impossible (and, as root, would replace the device node
# with a regular file). newskg writes into an existing output that is not a
# regular file (a device, a FIFO) directly, checking every write and the
# close, so -o /dev/full fails with "No space left on device" and /dev/full
# stays a device. See src/rdf/atomic_file.h.
source "$(dirname "$0")/../bad/lib.sh"

# An earlier output and a bigger new graph (the corpus plus one article).
prepare() {
  mkdir -p in
  cp "$src"/corpus/*.txt in/
  "$bin" export in -o "$1" 2>/dev/null
  cp "$1" before.ttl
  good_article >in/zz-extra.txt
}

no_temp_files() {
  local left
  left=$(find "$1" -maxdepth 1 -name '.*.tmp-*' | head -5)
  [ -z "$left" ] || die "temporary files left: $left"
}

# ulimit -f: the write of the temporary file fails with EFBIG (SIGXFSZ
# ignored, as a shell would leave it for a job).
case23_ulimit_f() {
  prepare out.ttl
  set +e
  (
    trap '' XFSZ
    ulimit -f 16 # blocks of 1024 bytes: the corpus graph is larger
    exec "$bin" export in -o out.ttl
  ) >out.log 2>err.log
  rc=$?
  set -e
  expect_rc 2
  expect_err "cannot write out.ttl" "File too large"
  cmp -s out.ttl before.ttl || die "the earlier output changed"
  no_temp_files .
  # Without the limit the same run works.
  run export in -o out.ttl
  expect_rc 0
  ! cmp -s out.ttl before.ttl || die "the new graph should differ from the earlier one"
  parse out.ttl
}

# -o /dev/full: ENOSPC, and /dev/full is still a character device.
case23_dev_full() {
  [ -c /dev/full ] || { echo "no /dev/full"; exit 77; }
  good_article >good.txt
  run export good.txt -o /dev/full
  expect_rc 2
  expect_err "/dev/full" "No space left on device"
  [ -c /dev/full ] || die "/dev/full is no longer a character device"
  for fmt in ntriples trig; do
    run export good.txt -o /dev/full --format $fmt
    expect_rc 2
  done
  # A device that takes the data: fine, and still a device.
  run export good.txt -o /dev/null
  expect_rc 0
  [ -c /dev/null ] || die "/dev/null is no longer a character device"
  # Standard output into a full device.
  set +e
  "$bin" export good.txt -o - >/dev/full 2>err.log
  rc=$?
  set -e
  expect_rc 2
  expect_err "cannot write to standard output"
}

# A small tmpfs (needs a private mount namespace: root, and a kernel and
# container that allow it; skipped otherwise).
case23_small_tmpfs() {
  [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null || { echo "needs root and unshare"; exit 77; }
  prepare ref.ttl
  mkdir mnt
  local size=$(($(stat -c %s ref.ttl) + 16384))
  set +e
  unshare -m bash -c '
    set -e
    mount -t tmpfs -o size='"$size"' tmpfs mnt 2>/dev/null || exit 77
    cp ref.ttl mnt/out.ttl
    set +e
    "$1" export in -o mnt/out.ttl 2>err.log
    echo $? >rc.txt
    cmp -s mnt/out.ttl ref.ttl && echo intact >intact.txt
    ls -A mnt >left.txt
  ' - "$bin"
  local r=$?
  set -e
  [ $r -ne 77 ] || { echo "cannot mount a tmpfs here"; exit 77; }
  [ $r -eq 0 ] || die "the namespace script failed ($r)"
  rc=$(cat rc.txt)
  expect_rc 2
  expect_err "cannot write mnt/out.ttl" "No space left on device"
  [ -f intact.txt ] || die "the earlier output on the full tmpfs changed"
  [ "$(cat left.txt)" = out.ttl ] || die "files left on the tmpfs: $(cat left.txt)"
  echo "note: tmpfs of $size bytes: $(tail -1 err.log)"
}

# A missing directory, a read-only directory, a directory as the output.
case23_unwritable_places() {
  good_article >good.txt
  run export good.txt -o no/such/dir/out.ttl
  expect_rc 2
  expect_err "no/such/dir" "No such file or directory"
  mkdir out.ttl
  run export good.txt -o out.ttl
  expect_rc 2
  expect_err "out.ttl" "Is a directory"
  run export good.txt -o ''
  expect_rc 2
  if can_run_unprivileged; then
    mkdir ro
    echo earlier >ro/out.ttl
    chmod 555 ro
    chmod 644 ro/out.ttl
    set +e
    unprivileged "$bin" export good.txt -o ro/out.ttl 2>err.log
    rc=$?
    set -e
    expect_rc 2
    expect_err "ro/out.ttl" "Permission denied"
    [ "$(cat ro/out.ttl)" = earlier ] || die "the earlier output changed"
    no_temp_files ro
  else
    echo "note: read-only directory not checked (cannot drop privileges)"
  fi
}

case_ 23 case23_ulimit_f
case_ 23 case23_dev_full
case_ 23 case23_small_tmpfs
case_ 23 case23_unwritable_places
finish
