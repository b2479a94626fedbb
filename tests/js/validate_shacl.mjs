#!/usr/bin/env node
// Validates an RDF file against SHACL shapes (rdf-validate-shacl).
//
// usage: node tests/js/validate_shacl.mjs DATA.ttl SHAPES.ttl
// Prints one line per result: severity, focus node, path, value, message.
// Exit status: 0 conforms, 1 a violation (or warning) was reported,
// 2 usage error or a file that cannot be read or parsed.
// TriG/N-Quads input is validated as one graph (the union of its graphs).
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Parser, DataFactory } from 'n3';
import datasetFactory from '@rdfjs/dataset';
import SHACLValidator from 'rdf-validate-shacl';

const FORMATS = { '.ttl': 'text/turtle', '.trig': 'application/trig', '.nt': 'application/n-triples', '.nq': 'application/n-quads' };

function load(path) {
  const format = FORMATS[extname(path)] || 'text/turtle';
  const quads = new Parser({ format, baseIRI: `file://${path}` }).parse(readFileSync(path, 'utf8'));
  // Union of all graphs: the shapes speak about the merged graph.
  return datasetFactory.dataset(quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object)));
}

if (process.argv.length !== 4) {
  console.error('usage: node tests/js/validate_shacl.mjs DATA.ttl SHAPES.ttl');
  process.exit(2);
}
const [dataPath, shapesPath] = process.argv.slice(2);
let data;
let shapes;
try {
  data = load(dataPath);
  shapes = load(shapesPath);
} catch (e) {
  console.error(`validate_shacl: cannot parse: ${e.message ?? e}`);
  process.exit(2);
}

const show = (t) => {
  if (!t) return '-';
  if (t.termType === 'NamedNode') return `<${t.value}>`;
  if (t.termType === 'BlankNode') return `_:${t.value}`;
  if (t.termType === 'Literal') return JSON.stringify(t.value);
  return String(t.value);
};
const short = (iri) => iri.replace(/^.*[#/]/, '');

const report = await new SHACLValidator(shapes).validate(data);
const lines = report.results.map((r) => {
  const msg = r.message.map((m) => m.value).join('; ') || short(r.sourceConstraintComponent?.value ?? '');
  return `${short(r.severity?.value ?? 'Violation')}: focus ${show(r.focusNode)} path ${show(r.path)} value ${show(r.value)}: ${msg} [${short(r.sourceConstraintComponent?.value ?? '')}]`;
});
lines.sort();
for (const l of lines) console.log(l);
if (report.conforms) {
  console.log(`conforms: ${data.size} triples checked against ${shapesPath}`);
  process.exit(0);
}
console.log(`${lines.length} SHACL result(s) in ${dataPath}`);
process.exit(1);
