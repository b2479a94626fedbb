#include "extract/roles.h"

#include <set>
#include <string_view>
#include <tuple>
#include <vector>

namespace nkg {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

bool is_org(EntityType t) { return t == EntityType::State || t == EntityType::Firm; }

// Only spaces, hyphens and at most one short lowercase word ("der", "of")
// between two token positions of one sentence.
bool adjacent(const Document& d, uint32_t left_last, uint32_t right_first) {
  if (right_first <= left_last) return false;
  if (d.tokens[left_last].sentence != d.tokens[right_first].sentence) return false;
  if (right_first - left_last > 2) return false;
  if (right_first - left_last == 2 && d.tokens[left_last + 1].upper) return false;
  for (uint32_t i = left_last + 1; i <= right_first; ++i)
    if (d.tokens[i].gap_before) return false;
  return true;
}

bool comma_between(const Document& d, uint32_t left_last, uint32_t right_first) {
  if (right_first != left_last + 1) return false;
  if (d.tokens[left_last].sentence != d.tokens[right_first].sentence) return false;
  std::string_view between = std::string_view(d.text).substr(
      d.tokens[left_last].span.end,
      d.tokens[right_first].span.begin - d.tokens[left_last].span.end);
  return between.find(',') != std::string_view::npos ||
         between.find("\xD8\x8C") != std::string_view::npos;  // Arabic comma
}

// One huge article must not pin its buffers to the thread for good.
template <class T>
void release_if_huge(std::vector<T>& v) {
  if (v.capacity() > (size_t{1} << 22)) std::vector<T>().swap(v);
}

}  // namespace

void find_roles(Document& doc) {
  size_t n = doc.tokens.size();
  if (doc.titles.empty()) return;  // every role stems from a title
  thread_local std::vector<uint32_t> starts, ends;
  starts.assign(n, kNone);
  ends.assign(n, kNone);
  for (uint32_t i = 0; i < doc.mentions.size(); ++i) {
    starts[doc.mentions[i].first_token] = i;
    ends[doc.mentions[i].last_token] = i;
  }
  // Views of the mentions' and titles' strings, which stay put meanwhile.
  std::set<std::tuple<std::string_view, std::string_view, std::string_view>> seen;
  for (const auto& t : doc.titles) {
    const Mention* org = nullptr;
    const Mention* person = nullptr;
    // Organisation right before the title ("US-Präsident", "Kazakh President").
    for (uint32_t back = 1; back <= 2 && back <= t.first && !org; ++back) {
      uint32_t m = ends[t.first - back];
      if (m != kNone && is_org(doc.mentions[m].type) &&
          adjacent(doc, doc.mentions[m].last_token, t.first))
        org = &doc.mentions[m];
    }
    // A title that names its state ("U.S. Commerce Secretary").
    for (uint32_t j = t.first; j <= t.last && !org; ++j)
      if (starts[j] != kNone && is_org(doc.mentions[starts[j]].type))
        org = &doc.mentions[starts[j]];
    uint32_t after = t.last + 1;
    // One uncapitalised word may stand between a title and its firm, and the
    // firm may be quoted: "رئیس اجرایی گروه «کوو کاز کپیتال»", "CEO of the company X".
    if (after + 1 < n && starts[after] == kNone && !doc.tokens[after].upper &&
        !doc.tokens[after].gap_before && starts[after + 1] != kNone &&
        doc.mentions[starts[after + 1]].type == EntityType::Firm &&
        doc.tokens[after].sentence == doc.tokens[after + 1].sentence)
      ++after;
    // Organisation right after it ("prezydent Uzbekistanu", "szefem Tau-Ken Samruk");
    // a firm may stand in quotes.
    if (after < n && starts[after] != kNone && is_org(doc.mentions[starts[after]].type) &&
        (!doc.tokens[after].gap_before || doc.mentions[starts[after]].type == EntityType::Firm)) {
      const Mention* m = &doc.mentions[starts[after]];
      after = m->last_token + 1;
      // "owner of the Kazakh bank Alatau City Bank": the state qualifies the firm.
      if (m->type == EntityType::State)
        for (uint32_t j = after; j < after + 3 && j < n && !doc.tokens[j].gap_before; ++j)
          if (starts[j] != kNone && doc.mentions[starts[j]].type == EntityType::Firm) {
            m = &doc.mentions[starts[j]];
            after = m->last_token + 1;
            break;
          }
      if (!org) org = m;
    }
    // Person after the title (and its organisation) ...
    if (after < n && starts[after] != kNone &&
        doc.mentions[starts[after]].type == EntityType::Person && !doc.tokens[after].gap_before)
      person = &doc.mentions[starts[after]];
    // ... or after one inserted phrase closed by a comma: "US-Botschafter in
    // Indien, Sergio Gor", "predsednik Kazahstana, kjer ima ..., Kasim Tokajev".
    if (!person && org && after < n) {
      uint32_t s = doc.tokens[t.last].sentence;
      int commas = 0;
      for (uint32_t j = after; j < n && j < after + 10 && doc.tokens[j].sentence == s; ++j) {
        std::string_view before = std::string_view(doc.text).substr(
            doc.tokens[j - 1].span.end, doc.tokens[j].span.begin - doc.tokens[j - 1].span.end);
        bool comma = before.find(',') != std::string_view::npos ||
                     before.find("\xD8\x8C") != std::string_view::npos;
        commas += comma;
        if (commas > 2) break;
        if (comma && starts[j] != kNone && doc.mentions[starts[j]].type == EntityType::Person) {
          // The phrase must not hold a person or a title of its own.
          bool clean = true;
          for (uint32_t x = after; x < j; ++x)
            if (starts[x] != kNone && doc.mentions[starts[x]].type == EntityType::Person)
              clean = false;
          for (const auto& other : doc.titles)
            if (other.first >= after && other.first < j) clean = false;
          if (clean) person = &doc.mentions[starts[j]];
          break;
        }
      }
    }
    // ... or before it, in apposition: "Marco Rubio, Secretary of State".
    if (!person && t.first > 0) {
      uint32_t m = ends[t.first - 1];
      if (m == kNone && t.first > 1) {
        // "Rubio, der Außenminister": skip one lowercase word.
        if (!doc.tokens[t.first - 1].upper) m = ends[t.first - 2];
      }
      if (m != kNone && doc.mentions[m].type == EntityType::Person &&
          (comma_between(doc, doc.mentions[m].last_token, t.first) ||
           comma_between(doc, doc.mentions[m].last_token, t.first - 1)))
        person = &doc.mentions[m];
    }
    if (!person || !org) continue;
    if (!seen.insert({person->entity, org->entity, t.post}).second) continue;
    Span title_span{doc.tokens[t.first].span.begin, doc.tokens[t.last].span.end};
    doc.roles.push_back({person->entity, org->entity, t.post, std::string(doc.slice(title_span)),
                         doc.tokens[t.first].sentence});
  }
  release_if_huge(starts);
  release_if_huge(ends);
}

}  // namespace nkg
