# Shared by the BAD-INPUTS scripts tests/scripts/bad_*.sh, full_disk.sh and
# kill_export.sh (sourced, never run). Each script is called by ctest as
#   bash tests/scripts/bad_x.sh /path/to/newskg [CASE...]
# from the repository root; CASE (e.g. 09 or case09_long_line) runs only the
# cases named. Every case is a function run in its own subshell and its own
# empty directory (its $PWD), with `set -e`; it passes when it returns 0.
#
# Known bugs: `known_bug "what" COMMAND...` runs a check that the spec wants
# to pass but the code does not pass yet. A failing check prints
# "KNOWN BUG: what" and the case goes on; a passing one fails the case so the
# entry gets removed (the bug was fixed). Each entry names the issue in
# tests/bad/README.md.
set -euo pipefail

bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
src=$PWD
bad=$src/tests/bad
[ -x "$bin" ] || { echo "no binary at $bin"; exit 1; }
[ -f "$bad/lib.sh" ] || { echo "run from the repository root"; exit 1; }
command -v serdi >/dev/null || { echo "serdi not installed; skipping"; exit 77; }
command -v python3 >/dev/null || { echo "python3 not installed; skipping"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/newskg-bad.XXXXXX")
chmod 755 "$tmp"  # an unprivileged user must reach the cases' files
cleanup() {
  chmod -R u+rwX "$tmp" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

filter=("$@")
failed=()
passed=0
skipped=0
known=0

# True when the binary was built with AddressSanitizer (build-asan): sizes
# and memory bounds are scaled down there.
case $(ldd "$bin" 2>/dev/null) in
  *libasan* | *libubsan*) sanitized_build=1 ;;
  *) sanitized_build=0 ;;
esac
sanitized() { [ "$sanitized_build" = 1 ]; }

graph() { python3 "$bad/graph.py" "$@"; }

# has_object NT SUBJECT_REGEX PREDICATE VALUE: some matching subject has
# that object (IRI or literal lexical form, exactly).
has_object() {
  local objs
  objs=$(graph objects "$1" "$2" "$3")
  grep -qxF -- "$4" <<<"$objs"
}

die() {
  echo "FAIL: $*" >&2
  exit 1
}

# run CMD ARGS...: runs newskg CMD; stdout in ./out.log, stderr in ./err.log,
# exit status in $rc. Never fails by itself.
run() {
  set +e
  "$bin" "$@" >out.log 2>err.log
  rc=$?
  set -e
  return 0
}

expect_rc() {
  [ "$rc" -eq "$1" ] || { cat err.log >&2; die "expected exit status $1, got $rc"; }
}

# expect_err TEXT...: stderr holds each TEXT (fixed strings).
expect_err() {
  local t
  for t in "$@"; do
    grep -qF -- "$t" err.log || { cat err.log >&2; die "stderr lacks: $t"; }
  done
}

expect_no_err() {
  local t
  for t in "$@"; do
    if grep -qF -- "$t" err.log; then cat err.log >&2; die "stderr holds: $t"; fi
  done
}

# parse FILE [SYNTAX]: strict re-parse with serdi into FILE.nt (N-Triples,
# or N-Quads for TriG). SYNTAX by extension when not given.
parse() {
  local f=$1 syn=${2:-}
  if [ -z "$syn" ]; then
    case $f in
      *.nt) syn=ntriples ;;
      *.trig) syn=trig ;;
      *) syn=turtle ;;
    esac
  fi
  local out=ntriples
  [ "$syn" = trig ] && out=nquads
  serdi -i "$syn" -o "$out" "$f" >"$f.nt" 2>"$f.serdi" || {
    cat "$f.serdi" >&2
    die "$f does not re-parse strictly as $syn"
  }
  [ ! -s "$f.serdi" ] || { cat "$f.serdi" >&2; die "serdi complained about $f"; }
}

# expect_articles NT ID...: the graph holds exactly these articles.
expect_articles() {
  local nt=$1
  shift
  local want got
  want=$(printf '%s\n' "$@" | LC_ALL=C sort)
  got=$(graph articles "$nt" | LC_ALL=C sort)
  [ "$want" = "$got" ] || die "articles in $nt: got [$(echo $got)], want [$(echo $want)]"
}

# expect_mention NT ARTICLE ENTITY_IRI_SUFFIX: a mention in ARTICLE links to
# https://w3id.org/newskg/id/ENTITY_IRI_SUFFIX (e.g. state/KZ).
expect_mention() {
  local nt=$1 art=$2 ent=$3
  local objs
  objs=$(graph objects "$nt" "/article/[^#]*$(printf '%s' "$art" | sed 's/[.[\*^$()+?{|]/\\&/g')#char=" \
    "http://www.w3.org/2005/11/its/rdf#taIdentRef")
  grep -qxF "https://w3id.org/newskg/id/$ent" <<<"$objs" || die "no mention of $ent in $art"
}

# known_bug WHAT COMMAND...: see the top of this file.
known_bug() {
  local what=$1
  shift
  if ("$@") >known_bug.log 2>&1; then
    die "known bug fixed, remove its known_bug line: $what"
  fi
  echo "KNOWN BUG: $what"
  sed 's/^/    | /' known_bug.log | head -5
}

# unprivileged COMMAND...: runs COMMAND as nobody when we are root (root
# reads files whatever their mode). Returns 77 when that is impossible.
unprivileged() {
  if [ "$(id -u)" -ne 0 ]; then
    "$@"
  elif command -v setpriv >/dev/null; then
    setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
  else
    return 77
  fi
}

can_run_unprivileged() {
  [ "$(id -u)" -ne 0 ] || { command -v setpriv >/dev/null && setpriv --reuid=65534 \
    --regid=65534 --clear-groups -- test -x "$bin"; }
}

# maxrss_kb COMMAND...: runs COMMAND, prints its peak resident set in KiB on
# fd 3, returns its exit status.
maxrss_kb() {
  python3 -c '
import resource, subprocess, sys
r = subprocess.run(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)
sys.exit(r.returncode if r.returncode >= 0 else 128 - r.returncode)' "$@"
}

# A short Polish article, written for these tests: three states.
good_article() {
  printf '%s\n' \
    'Polska i Kazachstan podpisały umowę o współpracy' '' \
    'Warszawa, 3 listopada 2025 — Prezydent Polski spotkał się w poniedziałek z ministrem z Kazachstanu. Rozmowy dotyczyły dostaw gazu z Turcji.'
}

wanted() {
  local id=$1 fn=$2 f
  ((${#filter[@]} == 0)) && return 0
  for f in "${filter[@]}"; do
    [ "$f" = "$id" ] || [ "$f" = "$fn" ] && return 0
  done
  return 1
}

# case_ ID FUNCTION: runs one case.
case_() {
  local id=$1 fn=$2
  wanted "$id" "$fn" || return 0
  local dir=$tmp/$fn
  mkdir -p "$dir"
  chmod 777 "$dir"
  local start=$SECONDS
  set +e
  (
    set -e
    cd "$dir"
    "$fn"
  ) >"$tmp/$fn.log" 2>&1
  local r=$?
  set -e
  local secs=$((SECONDS - start))
  if grep -q '^KNOWN BUG: ' "$tmp/$fn.log"; then
    known=$((known + $(grep -c '^KNOWN BUG: ' "$tmp/$fn.log")))
  fi
  if [ $r -eq 0 ]; then
    passed=$((passed + 1))
    echo "ok    $id $fn (${secs}s)"
    grep -A5 '^KNOWN BUG: ' "$tmp/$fn.log" | grep -v '^--$' | sed 's/^/      /' || true
    grep '^note: ' "$tmp/$fn.log" | sed 's/^/      /' || true
  elif [ $r -eq 77 ]; then
    skipped=$((skipped + 1))
    echo "skip  $id $fn: $(tail -1 "$tmp/$fn.log")"
  else
    failed+=("$id $fn")
    echo "FAIL  $id $fn (${secs}s)"
    sed 's/^/      /' "$tmp/$fn.log" | tail -40
  fi
}

finish() {
  echo "$passed passed, ${#failed[@]} failed, $skipped skipped, $known known bug(s)"
  if ((${#failed[@]})); then
    printf 'failed: %s\n' "${failed[@]}"
    exit 1
  fi
  if ((passed == 0 && skipped > 0)); then exit 77; fi
  exit 0
}
