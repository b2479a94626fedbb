#include "rdf/record.h"

#include <cstring>

namespace nkg::rdf {
namespace {

void append_term(const Term& t, std::string* out) {
  out->push_back(t.kind == TermKind::Iri ? '0' : '1');
  out->append(t.value);
  out->push_back('\0');
  if (t.kind == TermKind::Iri) return;
  out->append(t.datatype);
  out->push_back('\0');
  out->append(t.lang);
  out->push_back('\0');
}

// The field at `*pos` up to its NUL; false when there is none.
bool field(std::string_view rec, size_t* pos, std::string_view* out) {
  const size_t nul = rec.find('\0', *pos);
  if (nul == std::string_view::npos) return false;
  *out = rec.substr(*pos, nul - *pos);
  *pos = nul + 1;
  return true;
}

bool term(std::string_view rec, size_t* pos, TermView* out) {
  if (*pos >= rec.size() || (rec[*pos] != '0' && rec[*pos] != '1')) return false;
  const bool literal = rec[(*pos)++] == '1';
  out->kind = literal ? TermKind::Literal : TermKind::Iri;
  // Empty views still end in a NUL: point them at one of the record.
  out->datatype = out->lang = std::string_view(rec.data() + rec.size() - 1, 0);
  if (!field(rec, pos, &out->value)) return false;
  if (!literal) return true;
  return field(rec, pos, &out->datatype) && field(rec, pos, &out->lang);
}

}  // namespace

void append_record(const Triple& t, std::string* out) {
  out->append(t.graph);
  out->push_back('\0');
  append_term(t.s, out);
  append_term(t.p, out);
  append_term(t.o, out);
}

bool parse_record(std::string_view rec, TripleView* out) {
  if (rec.empty() || rec.back() != '\0') return false;
  size_t pos = 0;
  return field(rec, &pos, &out->graph) && term(rec, &pos, &out->s) && term(rec, &pos, &out->p) &&
         term(rec, &pos, &out->o) && pos == rec.size();
}

std::string_view without_graph(std::string_view rec) {
  const size_t nul = rec.find('\0');
  return nul == std::string_view::npos ? rec : rec.substr(nul + 1);
}

}  // namespace nkg::rdf
