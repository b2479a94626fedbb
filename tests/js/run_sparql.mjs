#!/usr/bin/env node
// Loads RDF files into an in-memory Oxigraph store and runs every *.rq of a
// query directory (default tests/sparql), comparing each result with
// <name>.expected beside it.
//
// usage: node tests/js/run_sparql.mjs [--dir DIR] [--print | --update] FILE...
//   --print   print each query's actual result in the expected format, compare nothing
//   --update  write <name>.expected from the actual results, compare nothing
//
// Expected format (deterministic, diff-friendly): SELECT gives a header line of
// the projected variables ("?a<TAB>?b"), then one line per solution, the lines
// sorted by code unit; an IRI is written <iri>, a literal as its lexical form
// (no language tag or datatype), a blank node as _:, an unbound value as
// nothing. Tab, newline, CR and backslash inside a value are written \t \n \r \\.
// ASK gives "ASK" then "true" or "false". Every file ends with a newline.
// Queries see the union of all loaded graphs as their default graph.
// Exit status: 0 all passed, 1 a query failed, 2 usage or load error.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, extname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import oxigraph from 'oxigraph';

const here = dirname(fileURLToPath(import.meta.url));
const FORMATS = {
  '.ttl': 'text/turtle', '.trig': 'application/trig', '.nt': 'application/n-triples',
  '.nq': 'application/n-quads',
};

function usage(msg) {
  if (msg) console.error(`run_sparql: ${msg}`);
  console.error('usage: node tests/js/run_sparql.mjs [--dir DIR] [--print | --update] FILE...');
  process.exit(2);
}

let dir = join(here, '..', 'sparql');
let mode = 'check';
const files = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; ++i) {
  const a = argv[i];
  if (a === '--dir') { if (++i >= argv.length) usage('--dir needs a value'); dir = argv[i]; }
  else if (a === '--print') mode = 'print';
  else if (a === '--update') mode = 'update';
  else if (a === '-h' || a === '--help') usage();
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else files.push(a);
}
if (files.length === 0) usage('no data file given');

const store = new oxigraph.Store();
for (const f of files) {
  const format = FORMATS[extname(f)] || 'text/turtle';
  try {
    store.load(readFileSync(f, 'utf8'), { format });
  } catch (e) {
    console.error(`run_sparql: cannot load ${f}: ${e.message ?? e}`);
    process.exit(2);
  }
}

const esc = (s) => s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]);
function term(t) {
  if (!t) return '';
  if (t.type === 'uri') return `<${t.value}>`;
  if (t.type === 'bnode') return '_:';
  if (t.type === 'triple') return '<<triple>>';
  return esc(t.value);
}

function run(query) {
  // The default graph is the union of all graphs, so the same queries answer
  // on the Turtle output and on TriG (a named graph per article).
  const json = JSON.parse(store.query(query, {
    results_format: 'application/sparql-results+json', use_default_graph_as_union: true,
  }));
  if ('boolean' in json) return `ASK\n${json.boolean}\n`;
  const vars = json.head.vars;
  const rows = json.results.bindings.map((b) => vars.map((v) => term(b[v])).join('\t'));
  rows.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return [vars.map((v) => `?${v}`).join('\t'), ...rows].join('\n') + '\n';
}

if (!existsSync(dir)) usage(`no query directory ${dir}`);
const queries = readdirSync(dir).filter((n) => n.endsWith('.rq')).sort();
let passed = 0;
let failed = 0;
for (const q of queries) {
  const name = basename(q, '.rq');
  const expPath = join(dir, `${name}.expected`);
  let actual;
  try {
    actual = run(readFileSync(join(dir, q), 'utf8'));
  } catch (e) {
    console.log(`FAIL ${name}: query error: ${e.message ?? e}`);
    ++failed;
    continue;
  }
  if (mode === 'print') {
    process.stdout.write(`## ${name}\n${actual}`);
    continue;
  }
  if (mode === 'update') {
    writeFileSync(expPath, actual);
    console.log(`wrote ${expPath}`);
    continue;
  }
  if (!existsSync(expPath)) {
    console.log(`FAIL ${name}: no ${name}.expected (write it with --update)`);
    ++failed;
    continue;
  }
  const expected = readFileSync(expPath, 'utf8');
  if (expected === actual) {
    console.log(`ok   ${name} (${actual.split('\n').length - 2} rows)`);
    ++passed;
    continue;
  }
  ++failed;
  console.log(`FAIL ${name}: result differs from ${name}.expected`);
  const e = new Set(expected.split('\n'));
  const a = new Set(actual.split('\n'));
  for (const l of expected.split('\n')) if (l && !a.has(l)) console.log(`  - ${l}`);
  for (const l of actual.split('\n')) if (l && !e.has(l)) console.log(`  + ${l}`);
}
if (mode === 'check') console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
