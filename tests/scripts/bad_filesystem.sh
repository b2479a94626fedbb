#!/usr/bin/env bash
# BAD-INPUTS cases 11 and 13 (the file system fights back): symlink loops,
# links out of the input, unreadable files and folders, files deleted or
# changed between listing and reading. The trees are built at test time.
#   bash tests/scripts/bad_filesystem.sh /path/to/newskg [CASE...]
# Run as root, the permission checks run newskg as nobody (setpriv); they
# are skipped when that is impossible.
source "$(dirname "$0")/../bad/lib.sh"

# 11a. Symlink loops (a file linked to itself, two links to each other, a
# directory link to its parent) and a dangling link: reported, the rest
# exported, exit 1, no hang and no article twice.
case11_symlink_loops() {
  mkdir -p in/sub
  good_article >in/good.txt
  ln -s loop.txt in/loop.txt
  ln -s b.txt in/a.txt
  ln -s a.txt in/b.txt
  ln -s .. in/sub/up
  ln -s ../.. in/sub/up2.txt
  ln -s /nonexistent/article.txt in/dangling.txt
  set +e
  timeout 60 "$bin" export in -o out.ttl 2>err.log
  rc=$?
  set -e
  [ $rc -ne 124 ] || die "the walk did not end"
  expect_rc 1
  expect_err "in/loop.txt: cannot access: Too many levels of symbolic links" \
    "in/a.txt: cannot access: Too many levels" "in/b.txt: cannot access: Too many levels" \
    "in/dangling.txt: cannot access: No such file or directory"
  parse out.ttl
  expect_articles out.ttl.nt good.txt
}

# 11b. Links pointing outside the input: a directory link is not followed;
# a file link is reported and not read (the spec: "reported, the run goes
# on, exit code says partial").
case11_links_out_of_the_input() {
  mkdir -p in outside/dir
  good_article >in/good.txt
  echo 'Niemcy i Kazachstan podpisały umowę.' >outside/secret.txt
  echo 'Turcja i Kazachstan podpisały umowę.' >outside/dir/elsewhere.txt
  ln -s ../outside/dir in/linked-dir
  ln -s ../outside/dir in/linked-dir.txt
  ln -s "$PWD/outside/secret.txt" in/link-out.txt
  run export in -o out.ttl
  parse out.ttl
  ! grep -qx elsewhere.txt <<<"$(graph articles out.ttl.nt)" || die "a directory link was followed"
  known_bug "a file link to outside the input is read silently (export_job.cc)" \
    grep -q "link-out.txt" err.log
  # An explicitly named link is the user's choice: read.
  run export in/link-out.txt -o named.ttl
  expect_rc 0
}

# 11c. An unreadable file and an unreadable folder (as an unprivileged
# user): each reported by name, every other article exported, exit 1.
case11_unreadable() {
  can_run_unprivileged || { echo "cannot run as an unprivileged user"; exit 77; }
  mkdir out && chmod 777 out
  # An unreadable file.
  mkdir in1
  good_article >in1/a-good.txt
  good_article >in1/unreadable.txt
  good_article >in1/z-good.txt
  chmod 000 in1/unreadable.txt
  set +e
  unprivileged "$bin" export in1 -o out/one.ttl 2>err.log
  rc=$?
  set -e
  expect_rc 1
  expect_err "in1/unreadable.txt: cannot read: Permission denied"
  parse out/one.ttl
  expect_articles out/one.ttl.nt a-good.txt z-good.txt
  # An unreadable folder among readable ones.
  mkdir -p in2/locked in2/z-after
  good_article >in2/a-good.txt
  good_article >in2/locked/inside.txt
  good_article >in2/z-after/z-good.txt
  good_article >in2/z-good-too.txt
  chmod 000 in2/locked
  set +e
  unprivileged "$bin" export in2 -o out/two.ttl 2>err.log
  rc=$?
  set -e
  [ "$rc" -ne 0 ] || die "exit 0 with an unreadable folder"
  if [ -f out/two.ttl ]; then parse out/two.ttl; fi
  walk_goes_on() {
    [ "$rc" -eq 1 ] && grep -q "in2/locked: cannot read directory" err.log &&
      [ "$(graph articles out/two.ttl.nt | sort | tr '\n' ' ')" = "a-good.txt z-good-too.txt z-good.txt " ]
  }
  known_bug "an unreadable subfolder ends the walk of its whole input: the articles after it are lost and the top folder is named instead (export_job.cc)" \
    walk_goes_on
  # An unreadable folder named as the input.
  set +e
  unprivileged "$bin" export in2/locked -o out/x.ttl 2>err.log
  rc=$?
  set -e
  expect_rc 2
  expect_err "in2/locked: cannot read directory: Permission denied"
}

# 13a. Files deleted or changed after the listing, before reading. The first
# article read (--threads 1, sorted order) is a FIFO the test holds open, so
# newskg stops there, after listing; the test then deletes one file,
# rewrites another as invalid UTF-8, and only then feeds the FIFO.
case13_changed_after_listing() {
  mkdir in
  mkfifo in/a-gate.txt
  good_article >in/b-deleted.txt
  good_article >in/c-changed.txt
  good_article >in/d-good.txt
  exec 3<>in/a-gate.txt
  "$bin" export in --threads 1 -o out.ttl 2>err.log 3>&- &
  local pid=$! waited=0 gate
  gate=$(readlink -f in/a-gate.txt)
  until [[ $(ls -l /proc/$pid/fd 2>/dev/null) == *"$gate"* ]]; do
    sleep 0.05
    waited=$((waited + 1))
    if [ $waited -gt 1200 ] || ! kill -0 $pid 2>/dev/null; then
      kill $pid 2>/dev/null || true
      die "newskg never opened the FIFO"
    fi
  done
  rm in/b-deleted.txt
  printf 'Polska \xff\n' >in/c-changed.txt
  good_article >&3
  exec 3>&-
  set +e
  wait $pid
  rc=$?
  set -e
  expect_rc 1
  expect_err "in/b-deleted.txt: cannot read: No such file or directory" \
    "in/c-changed.txt: invalid UTF-8 at byte offset 7"
  parse out.ttl
  expect_articles out.ttl.nt a-gate.txt d-good.txt
}

# 13b. A path named on the command line that does not exist (or vanished
# before the run): reported, the others exported.
case13_vanished_path() {
  good_article >good.txt
  run export good.txt gone.txt gone-dir -o out.ttl
  expect_rc 1
  expect_err "gone.txt: cannot access" "gone-dir: cannot access"
  parse out.ttl
  expect_articles out.ttl.nt good.txt
}

case_ 11 case11_symlink_loops
case_ 11 case11_links_out_of_the_input
case_ 11 case11_unreadable
case_ 13 case13_changed_after_listing
case_ 13 case13_vanished_path
finish
