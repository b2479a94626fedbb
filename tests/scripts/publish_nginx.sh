#!/usr/bin/env bash
# Publishes output/graph.ttl with `newskg publish`, serves the site with a
# real nginx (Debian package) on a loopback port using the documented
# configuration (docs/nginx-newskg.conf), and checks content negotiation with
# curl: the same IRI gives Turtle or HTML by the Accept header (303 to the
# document, then the right Content-Type), the Turtle parses (serdi) and
# describes that IRI, unknown IRIs are 404, and the dataset description,
# the ontology, the class indexes and the dump are where docs/publishing.md
# says. nginx is stopped at the end, whatever happens.
# usage: bash tests/scripts/publish_nginx.sh NEWSKG-BINARY   (from the repo root)
# Exit 77 (skipped) when nginx or curl is missing and cannot be installed.
set -euo pipefail
bin=$(realpath "${1:?usage: publish_nginx.sh NEWSKG-BINARY}")

have_nginx() { command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; }
if ! have_nginx || ! command -v curl >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "publish_nginx: installing nginx and curl" >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && timeout 300 apt-get install -y -qq --no-install-recommends nginx curl; } \
      >/dev/null 2>&1 || true
  fi
fi
if ! have_nginx || ! command -v curl >/dev/null; then
  echo "publish_nginx: nginx or curl not available; skipped"
  exit 77
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
for tool in serdi python3; do
  command -v "$tool" >/dev/null || { echo "publish_nginx: $tool not found; skipped"; exit 77; }
done

tmp=$(mktemp -d)
pid_file="$tmp/nginx.pid"
stop_nginx() {
  if [ -s "$pid_file" ]; then
    kill "$(cat "$pid_file")" 2>/dev/null || true
    for _ in $(seq 50); do [ -e "$pid_file" ] || break; sleep 0.1; done
  fi
}
trap 'stop_nginx; rm -rf "$tmp"' EXIT

fail=0
check() {  # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then echo "ok   $name"; else echo "FAIL $name"; fail=1; fi
}

# A free loopback port (nginx is retried on another one if it is taken
# between the probe and the start).
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_nginx() {
  local port=$1
  mkdir -p "$tmp/logs" "$tmp/body" "$tmp/proxy" "$tmp/fastcgi" "$tmp/uwsgi" "$tmp/scgi"
  # The documented server block, with this test's port and root.
  sed -e "s|^\( *\)listen 80;|\1listen 127.0.0.1:$port;|" \
      -e "s|^\( *\)root /srv/newskg;|\1root $tmp/site;|" docs/nginx-newskg.conf >"$tmp/site.conf"
  if ! grep -q "listen 127.0.0.1:$port;" "$tmp/site.conf" ||
     ! grep -q "root $tmp/site;" "$tmp/site.conf"; then
    echo "publish_nginx: docs/nginx-newskg.conf has no 'listen 80;' or 'root /srv/newskg;' line"
    return 2
  fi
  local user_line=""
  [ "$(id -u)" = 0 ] && user_line="user root;"
  cat >"$tmp/nginx.conf" <<EOF
$user_line
worker_processes 1;
daemon on;
pid $pid_file;
error_log $tmp/logs/error.log warn;
events { worker_connections 64; }
http {
  access_log $tmp/logs/access.log;
  client_body_temp_path $tmp/body;
  proxy_temp_path $tmp/proxy;
  fastcgi_temp_path $tmp/fastcgi;
  uwsgi_temp_path $tmp/uwsgi;
  scgi_temp_path $tmp/scgi;
  include $tmp/site.conf;
}
EOF
  "$nginx_bin" -t -q -p "$tmp" -c "$tmp/nginx.conf" 2>"$tmp/logs/test.log" || {
    cat "$tmp/logs/test.log"
    return 2
  }
  "$nginx_bin" -p "$tmp" -c "$tmp/nginx.conf" 2>>"$tmp/logs/error.log" || return 1
}

# The sample, plus an article whose file name needs percent-encoding.
cp output/graph.ttl "$tmp/graph.ttl"
cat >>"$tmp/graph.ttl" <<'EOF'
@prefix dct: <http://purl.org/dc/terms/> .
<https://w3id.org/newskg/id/article/a%20b%C3%A9.txt> dct:identifier "a bé.txt" ; dct:language "en" .
EOF

started=""
for _ in 1 2 3 4 5; do
  port=$(free_port)
  base="http://127.0.0.1:$port/id/"
  rm -rf "$tmp/site"
  "$bin" publish "$tmp/graph.ttl" "$tmp/site" --base "$base" >/dev/null
  chmod -R a+rX "$tmp"
  rc=0
  start_nginx "$port" || rc=$?
  if [ $rc = 2 ]; then exit 1; fi
  if [ $rc = 0 ]; then
    for _ in $(seq 50); do
      curl -s -o /dev/null "http://127.0.0.1:$port/" && { started=1; break; }
      sleep 0.1
    done
  fi
  [ -n "$started" ] && break
  stop_nginx
done
if [ -z "$started" ]; then
  echo "publish_nginx: nginx did not start"
  cat "$tmp/logs/error.log" 2>/dev/null || true
  exit 1
fi
echo "nginx on 127.0.0.1:$port, site $tmp/site, base $base"

site="http://127.0.0.1:$port"
turtle="text/turtle"
browser="text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

# status ACCEPT URL: "CODE LOCATION" without following redirects.
status() { curl -s -o /dev/null -H "Accept: $1" -w '%{http_code} %{redirect_url}' "$2"; }
# fetch ACCEPT URL OUT: follows the 303; prints "CODE CONTENT-TYPE".
fetch() { curl -s -L -o "$3" -H "Accept: $1" -w '%{http_code} %{content_type}' "$2"; }
# describes FILE IRI: the Turtle parses and has a triple with that subject.
describes() {
  serdi -q -i turtle -o ntriples "$1" "$2" >"$1.nt" 2>"$1.err" &&
    grep -qF "<$2> " "$1.nt"
}
is_html_of() { grep -q '<!DOCTYPE html>' "$1" && grep -qF "$2" "$1"; }

person=$(grep -o '^<https://w3id.org/newskg/id/person/[^>]*>' output/graph.ttl | head -1 | tr -d '<>')
agreement=$(grep -o '^<https://w3id.org/newskg/id/agreement/[0-9a-f]*>' output/graph.ttl | head -1 | tr -d '<>')
article=$(grep -o '^<https://w3id.org/newskg/id/article/[^>#]*>' output/graph.ttl | head -1 | tr -d '<>')
for v in person agreement article; do
  [ -n "${!v}" ] || { echo "publish_nginx: no $v in output/graph.ttl"; exit 1; }
done

for iri in "$person" "$agreement" "$article"; do
  url="$base${iri#https://w3id.org/newskg/id/}"
  name=${url#"$base"}
  check "$name: Turtle asked -> 303 to .ttl" test "$(status "$turtle" "$url")" = "303 $url.ttl"
  check "$name: page asked -> 303 to .html" test "$(status "$browser" "$url")" = "303 $url.html"
  check "$name: Vary: Accept on the 303" \
    bash -c "curl -s -D - -o /dev/null -H 'Accept: $turtle' '$url' | grep -qi '^vary: accept'"
  check "$name: text/turtle served as text/turtle" \
    test "$(fetch "$turtle" "$url" "$tmp/doc.ttl")" = "200 text/turtle; charset=utf-8"
  check "$name: the Turtle parses and describes <$url>" describes "$tmp/doc.ttl" "$url"
  check "$name: text/html served as text/html" \
    test "$(fetch "$browser" "$url" "$tmp/doc.html")" = "200 text/html; charset=utf-8"
  check "$name: the page is about it" is_html_of "$tmp/doc.html" "$url.ttl"
  check "$name: no Accept header -> the page" test "$(status "" "$url")" = "303 $url.html"
done

# Mentions are hash IRIs: the client asks for the article; its document
# describes the mention.
mention=$(grep -o "^<$article#char=[0-9]*,[0-9]*>" output/graph.ttl | head -1 | tr -d '<>')
murl="$base${mention#https://w3id.org/newskg/id/}"
fetch "$turtle" "${murl%%#*}" "$tmp/article.ttl" >/dev/null
check "hash IRI: the article's Turtle describes <$murl>" describes "$tmp/article.ttl" "$murl"

# A percent-encoded IRI: the server decodes it to the file name, and the 303
# keeps it encoded.
enc="${base}article/a%20b%C3%A9.txt"
code=$(status "$turtle" "$enc")
check "percent-encoded IRI: 303 to its .ttl ($code)" test "${code,,}" = "303 ${enc,,}.ttl"
check "percent-encoded IRI: Turtle served" test "$(fetch "$turtle" "$enc" "$tmp/enc.ttl")" = "200 text/turtle; charset=utf-8"
check "percent-encoded IRI: the Turtle describes it" describes "$tmp/enc.ttl" "$enc"

# Unknown IRIs.
for accept in "$turtle" "$browser"; do
  check "unknown person ($accept) -> 404" test "$(status "$accept" "${base}person/no-such-person-xyz")" = "404 "
  check "unknown class ($accept) -> 404" test "$(status "$accept" "${base}no-such-class/x")" = "404 "
  check "unknown document ($accept) -> 404" \
    test "$(status "$accept" "${base}person/no-such-person-xyz.ttl")" = "404 "
done
check "the site marker is not served" test "$(status "$browser" "$site/.newskg-site")" = "404 "

# The dataset description, the ontology, the indexes, the dump.
code=$(fetch "$turtle" "$site/.well-known/void" "$tmp/void.ttl")
check "/.well-known/void is Turtle ($code)" test "$code" = "200 text/turtle; charset=utf-8"
check "/.well-known/void describes <${base}dataset> as a void:Dataset" \
  bash -c "serdi -q -i turtle -o ntriples '$tmp/void.ttl' | grep -qF '<${base}dataset> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://rdfs.org/ns/void#Dataset>'"
check "/.well-known/void names the dump (void:dataDump)" \
  grep -qF "<$site/dump/newskg.ttl>" "$tmp/void.ttl"
code=$(fetch "$turtle" "${base}dataset" "$tmp/dataset.ttl")
check "${base}dataset is Turtle ($code)" test "$code" = "200 text/turtle; charset=utf-8"
code=$(fetch "$turtle" "$site/ns" "$tmp/ns.ttl")
check "ontology /ns as Turtle ($code)" test "$code" = "200 text/turtle; charset=utf-8"
check "ontology Turtle parses and defines nkg:Person" \
  bash -c "serdi -q -i turtle -o ntriples '$tmp/ns.ttl' | grep -qF '<https://w3id.org/newskg/ns#Person> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2002/07/owl#Class>'"
code=$(fetch "$browser" "$site/ns" "$tmp/ns.html")
check "ontology /ns as HTML ($code)" test "$code" = "200 text/html; charset=utf-8"
check "ontology page documents nkg:Agreement in Persian" bash -c "grep -q 'id=\"Agreement\"' '$tmp/ns.html' && grep -q 'lang=\"fa\"' '$tmp/ns.html'"
code=$(fetch "$browser" "${base}person/" "$tmp/index.html")
check "class index ${base}person/ ($code)" test "$code" = "200 text/html; charset=utf-8"
check "class index links to its people" grep -qF "href=\"$base${person#https://w3id.org/newskg/id/}\"" "$tmp/index.html"
code=$(fetch "$browser" "$site/" "$tmp/home.html")
check "home page ($code)" test "$code" = "200 text/html; charset=utf-8"
code=$(fetch "*/*" "$site/dump/newskg.ttl" "$tmp/dump.ttl")
check "dump as Turtle ($code)" test "$code" = "200 text/turtle; charset=utf-8"
check "dump has every triple of the graph" \
  test "$(serdi -q -i turtle -o ntriples "$tmp/dump.ttl" | wc -l)" = "$(serdi -q -i turtle -o ntriples "$tmp/graph.ttl" | wc -l)"
code=$(fetch "*/*" "$site/dump/newskg.nt" "$tmp/dump.nt")
check "dump as N-Triples ($code)" test "$code" = "200 application/n-triples; charset=utf-8"

exit $fail
