#include "extract/names.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "text/key_table.h"

namespace nkg {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

// What the first letter of a word decides: for each code point below
// U+0800 (at most two UTF-8 bytes, as Latin, Greek, Cyrillic, Arabic and
// Persian letters are), asked of ICU once instead of at every word.
enum : uint8_t { kNotLetter, kLatinLetter, kOtherLetter };

uint8_t letter_class(UChar32 c) {
  if (!u_isalpha(c)) return kNotLetter;
  UErrorCode st = U_ZERO_ERROR;
  return uscript_getScript(c, &st) == USCRIPT_LATIN ? kLatinLetter : kOtherLetter;
}

// Filled at start-up, not on first use: a function-local static's guard
// would cost every word a call.
const std::array<uint8_t, 0x800> kTwoByteLetterClasses = [] {
  std::array<uint8_t, 0x800> t{};
  for (UChar32 c = 0; c < 0x800; ++c) t[c] = letter_class(c);
  return t;
}();

// is_latin_word from the first byte that is not ASCII on: out of line, so
// that the ASCII loop stays a leaf.
[[gnu::noinline]] bool latin_from(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      if (static_cast<unsigned>((p[i] | 0x20) - 'a') < 26) return true;
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    uint8_t cls = c >= 0 && c < 0x800 ? kTwoByteLetterClasses[c] : letter_class(c);
    if (cls != kNotLetter) return cls == kLatinLetter;
  }
  return false;
}

}  // namespace

bool latin_word_slow(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x80) {
      // A well-formed two-byte character (Cyrillic, Greek, Arabic script
      // words start with one) decoded here, as U8_NEXT would: no call.
      const auto b2 = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
      if (b < 0xC2 || b > 0xDF || (b2 & 0xC0) != 0x80) return latin_from(s.substr(i));
      const uint8_t cls = kTwoByteLetterClasses[(b & 0x1F) << 6 | (b2 & 0x3F)];
      if (cls != kNotLetter) return cls == kLatinLetter;
      ++i;
      continue;
    }
    // ASCII without ICU: its only letters are A-Z and a-z, all Latin.
    if (static_cast<unsigned>((b | 0x20) - 'a') < 26) return true;
  }
  return false;
}

namespace {

// The first token of each key: open addressing over token indexes, the
// keys read from the tokens instead of copied as a KeyTable would.
class FirstTokenOfKey {
 public:
  void build(const std::vector<Token>& tokens) {
    tokens_ = &tokens;
    size_t capacity = 16;
    while (capacity < tokens.size() * 2) capacity *= 2;
    slots_.assign(capacity, Slot{});
    for (uint32_t i = 0; i < tokens.size(); ++i) {
      uint64_t h = KeyTable::hash(tokens[i].key);
      Slot& s = slots_[probe(tokens[i].key, h)];
      if (s.token == kNone) s = {static_cast<uint32_t>(h >> 32), i};
    }
  }
  uint32_t get(std::string_view key, uint32_t absent) const {
    uint32_t t = slots_[probe(key, KeyTable::hash(key))].token;
    return t == kNone ? absent : t;
  }

 private:
  struct Slot {
    uint32_t tag = 0;  // high half of the key's hash
    uint32_t token = kNone;
  };
  // The slot holding `key`, or the empty slot where it would go.
  size_t probe(std::string_view key, uint64_t h) const {
    const size_t mask = slots_.size() - 1;
    const auto tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = static_cast<size_t>(h) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.token == kNone || (s.tag == tag && (*tokens_)[s.token].key == key)) return i;
    }
  }

  const std::vector<Token>* tokens_ = nullptr;
  std::vector<Slot> slots_;
};

struct Ctx {
  Document& doc;
  const Knowledge& k;
  const Cues& cues;
  const Cues* latin = nullptr;  // English cues for Latin names inside non-Latin text
  const LemmaTable& lemmas;
  std::vector<uint32_t> covered;   // token -> mention index or kNone
  std::vector<uint32_t> title_at;  // token -> title index or kNone
  // First token with that key; built on first use, as few articles need it.
  mutable FirstTokenOfKey first_of_key{};
  mutable bool first_of_key_built = false;

  const FirstTokenOfKey& first_token_of_key() const {
    if (!first_of_key_built) first_of_key.build(doc.tokens);
    first_of_key_built = true;
    return first_of_key;
  }
};

// The base form of token i: a lemma candidate attested elsewhere in the
// article as a token of its own; else the one undoing the longest ending of
// at least two letters ("Absametovem" -> "Absametov"; one-letter endings are
// too often part of a nominative, as in "Anna"); else the surface.
std::string lemma_surface(const Ctx& c, uint32_t i) {
  const auto& cands = c.lemmas[i];
  std::string_view surface = c.doc.slice(c.doc.tokens[i].span);
  constexpr uint32_t kAbsent = UINT32_MAX;
  const FirstTokenOfKey& key_to_token = c.first_token_of_key();
  if (uint32_t at = key_to_token.get(cands[0], kAbsent); at != kAbsent && at != i)
    return std::string(surface);
  for (size_t j = 1; j < cands.size(); ++j) {
    uint32_t at = key_to_token.get(cands[j], kAbsent);
    if (at != kAbsent && at != i) return std::string(c.doc.slice(c.doc.tokens[at].span));
  }
  // Only where names decline (the pack says "option names_inflected").
  if (!c.cues.names_inflected) return std::string(surface);
  const LangPack& pack = c.k.pack(c.doc.lang);
  const InflectionRule* best = nullptr;
  const std::string& key = cands[0];
  for (const auto& r : pack.rules) {
    if (r.add.size() < 2 || key.size() <= r.add.size() + 2) continue;
    if (key.compare(key.size() - r.add.size(), r.add.size(), r.add) != 0) continue;
    // Longest ending wins; on a tie, a consonant stem (nothing to restore).
    if (!best || r.add.size() > best->add.size() ||
        (r.add.size() == best->add.size() && r.strip.empty() && !best->strip.empty()))
      best = &r;
  }
  if (!best) return std::string(surface);
  // Cut as many code points from the surface as the ending has, add the base ending.
  size_t cut = 0;
  for (unsigned char ch : best->add) cut += (ch & 0xC0) != 0x80;
  size_t end = surface.size();
  while (cut > 0 && end > 0) {
    --end;
    if ((static_cast<unsigned char>(surface[end]) & 0xC0) != 0x80) --cut;
  }
  return std::string(surface.substr(0, end)) + best->strip;
}

std::string lemma_of_span(const Ctx& c, uint32_t a, uint32_t b) {
  std::string out;
  for (uint32_t i = a; i <= b; ++i) {
    if (i > a) {
      const auto& prev = c.doc.tokens[i - 1].span;
      const auto& cur = c.doc.tokens[i].span;
      std::string_view sep = std::string_view(c.doc.text).substr(prev.end, cur.begin - prev.end);
      out += (sep.find('-') != std::string_view::npos) ? "-" : " ";
    }
    out += lemma_surface(c, i);
  }
  return out;
}

void add_mention(Ctx& c, uint32_t a, uint32_t b, EntityType t, const std::string& key,
                 const std::string& lemma) {
  Mention m;
  m.span = {c.doc.tokens[a].span.begin, c.doc.tokens[b].span.end};
  m.entity = key;
  m.type = t;
  m.lemma = lemma;
  m.first_token = a;
  m.last_token = b;
  uint32_t idx = static_cast<uint32_t>(c.doc.mentions.size());
  c.doc.mentions.push_back(std::move(m));
  for (uint32_t i = a; i <= b; ++i) c.covered[i] = idx;
}

// One huge article must not pin its buffers to the thread for good.
template <class T>
void release_if_huge(std::vector<T>& v) {
  if (v.capacity() > (size_t{1} << 22)) std::vector<T>().swap(v);
}

// No cue matches a word outside the vocabulary, as most names are: the cue
// sets need not be searched for it.
bool in_vocabulary(const LemmaTable& lemmas, uint32_t i) {
  for (uint32_t id : lemmas.ids(i))
    if (id != Vocabulary::kUnknown) return true;
  return false;
}

bool same_sentence(const Document& d, uint32_t a, uint32_t b) {
  return d.tokens[a].sentence == d.tokens[b].sentence;
}

// Is there a title ending right before token a, possibly with one state or
// firm mention between ("prezydent Uzbekistanu Szawkat Mirzijojew")?
bool title_before(const Ctx& c, uint32_t a) {
  if (a == 0) return false;
  uint32_t j = a - 1;
  if (!same_sentence(c.doc, j, a)) return false;
  if (c.title_at[j] != kNone) return true;
  if (c.covered[j] != kNone) {
    const Mention& m = c.doc.mentions[c.covered[j]];
    if ((m.type == EntityType::State || m.type == EntityType::Firm) && m.first_token > 0) {
      uint32_t t = m.first_token - 1;
      return same_sentence(c.doc, t, a) && c.title_at[t] != kNone;
    }
  }
  return false;
}

// Is the run followed by ", <title>" (apposition)?
bool title_after(const Ctx& c, uint32_t b) {
  uint32_t j = b + 1;
  if (j >= c.doc.tokens.size() || !same_sentence(c.doc, b, j)) return false;
  // The title may follow a state adjective or a short article:
  // ", der kasachische Präsident", ", the US ambassador".
  auto title_follows = [&] {
    if (c.title_at[j] != kNone) return true;
    for (uint32_t k = j + 1; k < j + 3 && k < c.doc.tokens.size() && same_sentence(c.doc, b, k);
         ++k) {
      const Token& prev = c.doc.tokens[k - 1];
      bool modifier =
          c.covered[k - 1] != kNone || (!prev.upper && prev.span.end - prev.span.begin <= 3);
      if (!modifier) return false;
      if (c.title_at[k] != kNone) return true;
    }
    return false;
  };
  // The comma, dearer to look for, only where a title follows.
  if (!title_follows()) return false;
  std::string_view between =
      std::string_view(c.doc.text)
          .substr(c.doc.tokens[b].span.end, c.doc.tokens[j].span.begin - c.doc.tokens[b].span.end);
  return between.find(',') != std::string_view::npos ||
         between.find("\xD8\x8C") != std::string_view::npos;
}

// A firm cue (prefix or sector word) within three tokens before a, with no
// capitalised word between except state mentions.
bool firm_cue_before(const Ctx& c, uint32_t a) {
  for (uint32_t back = 1; back <= 3 && back <= a; ++back) {
    uint32_t j = a - back;
    // Punctuation between cue and name breaks the link ("producentem – powiedział Fijoł").
    if (!same_sentence(c.doc, j, a) || c.doc.tokens[j + 1].gap_before) return false;
    if (in_vocabulary(c.lemmas, j) && (Cues::any_in(c.cues.firm_prefix, c.lemmas.ids(j)) ||
                                       Cues::any_in(c.cues.firm_sector, c.lemmas.ids(j))))
      return true;
    if (c.doc.tokens[j].upper && c.covered[j] == kNone) return false;
  }
  return false;
}

bool in_parentheses(const Document& d, uint32_t a, uint32_t b) {
  uint32_t s = d.tokens[a].span.begin, e = d.tokens[b].span.end;
  return s > 0 && d.text[s - 1] == '(' && e < d.text.size() && d.text[e] == ')';
}

// Persian (or other script) name right before "(Latin Name)", after a firm
// prefix cue: "شرکت امریکایی کوو کاز کپیتال گروپ (Kov Kaz Capital Group)".
void alias_before_parenthesis(Ctx& c, uint32_t a, const std::string& key, const std::string& lemma,
                              EntityType t) {
  if (a == 0) return;
  uint32_t end = a - 1;
  if (!same_sentence(c.doc, end, a) || is_latin_word(c.doc.slice(c.doc.tokens[end].span))) return;
  for (uint32_t back = 0; back < 6 && back <= end; ++back) {
    uint32_t j = end - back;
    if (c.covered[j] != kNone) {
      if (j == end) return;
      // Skip a state adjective right after the cue.
      continue;
    }
    if (Cues::any_in(c.cues.firm_prefix, c.lemmas.ids(j))) {
      uint32_t first = j + 1;
      while (first <= end && c.covered[first] != kNone) ++first;
      if (first <= end) add_mention(c, first, end, t, key, lemma);
      return;
    }
  }
}

// A lemma of a part of a full name, and the class of the name's entity key.
struct Part {
  std::string_view lemma;
  uint32_t cls;
};

// A few strings of one document to numbers: open addressing, the strings
// read where they live (they must outlive the use), no string compared but
// for an equal hash.
class ViewMap {
 public:
  // Empty, with room for `n` keys.
  void reset(size_t n) {
    size_t capacity = 16;
    while (capacity < n * 2) capacity *= 2;
    slots_.assign(capacity, Slot{});
  }
  // The value of `key`, inserted as kNone when missing.
  uint32_t& at(std::string_view key) {
    const uint64_t h = KeyTable::hash(key);
    Slot& s = slots_[probe(key, h)];
    if (s.value == kNone) s.key = key, s.hash = h;
    return s.value;
  }
  uint32_t get(std::string_view key) const { return slots_[probe(key, KeyTable::hash(key))].value; }

 private:
  struct Slot {
    std::string_view key;
    uint64_t hash = 0;
    uint32_t value = kNone;  // kNone: empty
  };
  // The slot holding `key`, or the empty slot where it would go.
  size_t probe(std::string_view key, uint64_t h) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = static_cast<size_t>(h) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.value == kNone || (s.hash == h && s.key == key)) return i;
    }
  }
  std::vector<Slot> slots_;
};

// Orders mentions by start exactly as std::sort by start would, equal starts
// included: the same algorithm on (start, index) pairs under the same
// comparison makes the same moves, and moves no strings.
void sort_by_start(std::vector<Mention>& ms) {
  bool sorted = true;
  for (size_t i = 1; i < ms.size() && sorted; ++i) sorted = ms[i - 1].span.begin < ms[i].span.begin;
  if (sorted) return;  // starts all distinct: the order is unique
  thread_local std::vector<std::pair<uint32_t, uint32_t>> order;
  order.clear();
  for (uint32_t i = 0; i < ms.size(); ++i) order.push_back({ms[i].span.begin, i});
  std::sort(order.begin(), order.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  // Position j takes the mention from order[j].second: follow each cycle,
  // marking positions done by pointing them at themselves.
  for (uint32_t s = 0; s < order.size(); ++s) {
    if (order[s].second == s) continue;
    Mention first = std::move(ms[s]);
    for (uint32_t j = s;;) {
      uint32_t from = order[j].second;
      order[j].second = j;
      if (from == s) {
        ms[j] = std::move(first);
        break;
      }
      ms[j] = std::move(ms[from]);
      j = from;
    }
  }
  release_if_huge(order);
}

}  // namespace

void find_titles(Document& doc, const Knowledge& k, const LemmaTable& lemmas) {
  const Cues& cues = k.cues(doc.lang);
  doc.titles.clear();
  thread_local std::vector<DictMatch> found;  // kept: it would grow anew per document
  found.clear();
  cues.titles.find(doc, lemmas, 0, static_cast<uint32_t>(doc.tokens.size()), &found);
  doc.titles.reserve(found.size());  // no TitleCue moved to grow the vector
  for (const auto& m : found) doc.titles.push_back({m.first, m.last, m.entry->payload});
  release_if_huge(found);
}

void find_unknown_names(Document& doc, const Knowledge& k, const LemmaTable& lemmas) {
  // The per-token vectors' buffers kept per thread, lent to the Ctx (which
  // holds them itself, so that they cost no load through a reference).
  thread_local std::vector<uint32_t> covered_buffer, title_buffer;
  Ctx c{doc,
        k,
        k.cues(doc.lang),
        nullptr,
        lemmas,
        std::move(covered_buffer),
        std::move(title_buffer)};
  // Latin cues too where most of the first 200 words are not Latin; counted
  // only until the answer is certain.
  if (doc.lang != "en") {
    // Latin is most when `need` of the sample are; fewer once more than
    // `room` are not.
    const size_t sample = std::min<size_t>(doc.tokens.size(), 200), need = (sample + 1) / 2,
                 room = sample - need;
    size_t latin = 0, other = 0;
    for (const Token* t = doc.tokens.data(); latin < need && other <= room; ++t) {
      (is_latin_word({doc.text.data() + t->span.begin, t->span.end - t->span.begin}) ? latin
                                                                                     : other) += 1;
    }
    if (latin < need) c.latin = &k.cues("en");
  }
  auto cue = [&](const CueSet Cues::*set, uint32_t i) {
    return Cues::any_in(c.cues.*set, lemmas.ids(i)) ||
           (c.latin && is_latin_word(doc.slice(doc.tokens[i].span)) &&
            Cues::any_in(c.latin->*set, lemmas.ids(i)));
  };
  size_t n = doc.tokens.size();
  c.covered.assign(n, kNone);
  c.title_at.assign(n, kNone);
  for (uint32_t mi = 0; mi < doc.mentions.size(); ++mi)
    for (uint32_t i = doc.mentions[mi].first_token; i <= doc.mentions[mi].last_token; ++i)
      c.covered[i] = mi;
  for (uint32_t ti = 0; ti < doc.titles.size(); ++ti)
    for (uint32_t i = doc.titles[ti].first; i <= doc.titles[ti].last; ++i)
      if (c.covered[i] == kNone) c.title_at[i] = ti;
  // Agreement words ("Joint Venture") are not names either.
  // Per token: kCapital for a capitalised word, not a number; kTrigger in
  // an agreement word, known where kTriggersKnown is.
  constexpr uint8_t kTrigger = 1, kCapital = 2, kTriggersKnown = 4;
  thread_local std::vector<uint8_t> word;
  word.resize(n);
  auto can_name = [&](uint32_t i) {
    return (word[i] & (kCapital | kTrigger)) == kCapital && c.covered[i] == kNone &&
           c.title_at[i] == kNone;
  };
  // No match spans punctuation (a token with gap_before): the agreement
  // words are found stretch by stretch, at once only in stretches where a
  // name may start (mentions only ever cover more), elsewhere on demand.
  // Found from a stretch's start on, any prefix of it gives the whole
  // stretch's matches there.
  thread_local std::vector<DictMatch> found;
  auto find_triggers = [&](uint32_t from, uint32_t to) {
    found.clear();
    c.cues.triggers.find(doc, lemmas, from, to, &found);
    for (const auto& m : found)
      for (uint32_t t = m.first; t <= m.last; ++t) word[t] |= kTrigger;
    for (uint32_t t = from; t < to; ++t) word[t] |= kTriggersKnown;
  };
  // One pass over the tokens keeps what the later passes need: the first
  // token of each stretch, and the tokens where a name may start (fewer
  // later, never more).
  thread_local std::vector<uint32_t> stretch_at, may_name;
  stretch_at.clear();
  may_name.clear();
  for (uint32_t from = 0, to; from < n; from = to) {
    // Matches starting after the stretch's last such token cannot cover
    // one: the words up to it are enough (the rest on demand).
    uint32_t wanted_to = from;
    to = from;
    {
      // A byte written may alias anything: through pointers held here, the
      // vectors' own are not loaded again after each.
      const Token* tokens = doc.tokens.data();
      const uint32_t *covered = c.covered.data(), *title_at = c.title_at.data();
      uint8_t* __restrict words = word.data();
      do {
        const Token& t = tokens[to];
        const bool capital = t.upper && !t.is_number;
        words[to] = capital ? kCapital : 0;
        // can_name(to), its agreement bit not yet set.
        if (capital && covered[to] == kNone && title_at[to] == kNone) wanted_to = to + 1;
      } while (++to < n && !tokens[to].gap_before);
    }
    stretch_at.push_back(from);
    if (wanted_to == from) continue;
    find_triggers(from, wanted_to);
    for (uint32_t t = from; t < wanted_to; ++t)
      if (can_name(t)) may_name.push_back(t);
  }
  // The first token from i on where a name may start, else n.
  size_t next_may = 0;
  auto skip_to_name = [&](uint32_t i) {
    while (next_may < may_name.size() && may_name[next_may] < i) ++next_may;
    return next_may < may_name.size() ? may_name[next_may] : static_cast<uint32_t>(n);
  };
  auto trigger = [&](uint32_t i) {
    if (!(word[i] & kTriggersKnown)) {
      uint32_t from = i, to = i + 1;
      while (from > 0 && !doc.tokens[from].gap_before) --from;
      while (to < n && !doc.tokens[to].gap_before) ++to;
      find_triggers(from, to);
    }
    return (word[i] & kTrigger) != 0;
  };
  // Runs of capitalised words.
  for (uint32_t i = skip_to_name(0); i < n; i = skip_to_name(i)) {
    // Cue words ("Firma", "Investor", "Der") never start a name.
    if (!can_name(i) ||
        (in_vocabulary(lemmas, i) &&
         (cue(&Cues::not_name, i) || cue(&Cues::firm_prefix, i) || cue(&Cues::firm_sector, i)))) {
      ++i;
      continue;
    }
    uint32_t a = i, b = i;
    while (b + 1 < n && !doc.tokens[b + 1].gap_before && same_sentence(doc, b, b + 1) &&
           (can_name(b + 1) || (doc.tokens[b + 1].is_number && doc.tokens[b + 1].key.size() <= 3 &&
                                b + 2 < n && can_name(b + 2) && !doc.tokens[b + 2].gap_before)))
      ++b;
    i = b + 1;
    bool suffix = b > a && cue(&Cues::firm_suffix, b);
    bool by_cue = firm_cue_before(c, a);
    // Where every noun is capitalised, one word after a firm cue is a name
    // only when it looks like a brand (VISA, KazMunayGas, 3M).
    if (by_cue && a == b && c.cues.nouns_capitalised) {
      std::string_view w = doc.slice(doc.tokens[a].span);
      bool brand = false;
      for (size_t x = 1; x < w.size(); ++x)
        brand |= (w[x] >= 'A' && w[x] <= 'Z') || (w[x] >= '0' && w[x] <= '9');
      by_cue = brand;
    }
    bool firm = suffix || by_cue;
    bool person =
        !firm && (title_before(c, a) || title_after(c, b) || (b > a && cue(&Cues::given, a)));
    if (person) {
      // A run after a title may start with the organisation's words
      // ("CEO Embraer Commercial Aviation Arjan Meijer"): the name starts at
      // a given name when one follows; a name is at most three words.
      if (b > a + 1)
        for (uint32_t g = a + 1; g < b; ++g)
          if (cue(&Cues::given, g)) {
            a = g;
            break;
          }
      if (b - a >= 3) b = a + 2;
      if (b == a && !title_before(c, a) && !title_after(c, b)) continue;
      // A surname alone of someone the article named in full is that person.
      if (b == a) {
        std::set<std::string> hits;
        for (const auto& m : doc.mentions)
          if (m.type == EntityType::Person && m.last_token > m.first_token)
            for (const auto& l : lemmas[a])
              if (std::find(lemmas[m.last_token].begin(), lemmas[m.last_token].end(), l) !=
                  lemmas[m.last_token].end())
                hits.insert(m.entity);
        if (hits.size() == 1) {
          const std::string key = *hits.begin();
          std::string lemma;
          for (const auto& m : doc.mentions)
            if (m.entity == key) lemma = m.lemma;
          add_mention(c, a, b, EntityType::Person, key, lemma);
          continue;
        }
      }
    }
    // Given names right before a known person's surname join that mention
    // ("Kassym-Jomart" + gazetteer "Tokajew").
    if (!firm && b + 1 < n && c.covered[b + 1] != kNone && !doc.tokens[b + 1].gap_before &&
        b - a < 2) {
      Mention& known = doc.mentions[c.covered[b + 1]];
      if (known.type == EntityType::Person && known.first_token == b + 1) {
        known.span.begin = doc.tokens[a].span.begin;
        known.first_token = a;
        for (uint32_t t = a; t <= b; ++t) c.covered[t] = c.covered[b + 1];
        continue;
      }
    }
    if (!firm && !person) continue;
    EntityType t = firm ? EntityType::Firm : EntityType::Person;
    std::string lemma = lemma_of_span(c, a, b);
    std::string key = std::string(firm ? "name:firm:" : "name:person:") + lemma;
    add_mention(c, a, b, t, key, lemma);
    if (in_parentheses(doc, a, b)) alias_before_parenthesis(c, a, key, lemma, t);
  }

  // Scripts without capitals: the words that open a sentence before
  // ", <title>" are a person's name ("پنی التاوس، رئیس اجرایی ...").
  for (const auto& t : doc.titles) {
    if (t.first < 2) continue;
    uint32_t b = t.first - 1;
    std::string_view between = std::string_view(doc.text).substr(
        doc.tokens[b].span.end, doc.tokens[t.first].span.begin - doc.tokens[b].span.end);
    if (between.find("\xD8\x8C") == std::string_view::npos &&
        between.find(',') == std::string_view::npos)
      continue;
    uint32_t a = b;
    while (a > 0 && b - a < 2 && same_sentence(doc, a - 1, b) && !doc.tokens[a].gap_before) --a;
    bool starts_sentence = a == 0 || !same_sentence(doc, a - 1, a);
    if (!starts_sentence || b - a > 2) continue;
    bool ok = true;
    for (uint32_t x = a; x <= b; ++x)
      ok &= c.covered[x] == kNone && c.title_at[x] == kNone && !doc.tokens[x].upper &&
            !doc.tokens[x].is_number && !is_latin_word(doc.slice(doc.tokens[x].span)) &&
            !trigger(x);
    if (!ok || a == b) continue;
    std::string lemma(doc.slice({doc.tokens[a].span.begin, doc.tokens[b].span.end}));
    add_mention(c, a, b, EntityType::Person, "name:person:" + lemma, lemma);
  }

  // A name in quotes right after a firm word: «استارلینک», „Orlen".
  for (uint32_t a : stretch_at) {
    // A quote is punctuation: most words follow none (gap_before), and the
    // bytes are read only where one might.
    if (a == 0) continue;
    uint32_t i = a - 1, q = doc.tokens[i].span.end;
    std::string_view gap = std::string_view(doc.text).substr(q, doc.tokens[a].span.begin - q);
    if (gap.find_first_of("\"\xC2\xE2") == std::string_view::npos) continue;
    if (!Cues::any_in(c.cues.firm_prefix, lemmas.ids(i))) continue;
    static const char* kOpen[] = {"\xC2\xAB", "\xE2\x80\x9E", "\xE2\x80\x9C", "\""};
    static const char* kClose[] = {"\xC2\xBB", "\xE2\x80\x9D", "\xE2\x80\x9D", "\""};
    int which = -1;
    for (int o = 0; o < 4 && which < 0; ++o)
      if (gap.find(kOpen[o]) != std::string_view::npos) which = o;
    if (which < 0) continue;
    uint32_t b = a;
    bool closed = false;
    for (; b < n && b < a + 5 && same_sentence(doc, a, b); ++b) {
      size_t end = doc.tokens[b].span.end;
      size_t next = b + 1 < n ? doc.tokens[b + 1].span.begin : doc.text.size();
      std::string_view after = std::string_view(doc.text).substr(end, next - end);
      if (after.find(kClose[which]) != std::string_view::npos ||
          after.find("\xE2\x80\x9C") != std::string_view::npos) {
        closed = true;
        break;
      }
      if (doc.tokens[b + 1 < n ? b + 1 : b].gap_before) break;
    }
    if (!closed) continue;
    bool free = true;
    for (uint32_t t = a; t <= b; ++t) free &= c.covered[t] == kNone;
    if (!free) continue;
    std::string lemma(doc.slice({doc.tokens[a].span.begin, doc.tokens[b].span.end}));
    add_mention(c, a, b, EntityType::Firm, "name:firm:" + lemma, lemma);
  }

  // Surnames alone, and a firm's first word alone, refer to the full name
  // introduced in the same article (persons: last word; firms: first word).
  // Entity keys become small class numbers in the order they first come,
  // and part lemmas map to their class, or to kSeveral where parts of two
  // classes share one: an article introduces few full names, and hashing
  // them beats sorting them by string.
  constexpr uint32_t kSeveral = kNone - 1;
  thread_local std::vector<uint32_t> last_of;  // class -> its last full mention
  thread_local std::vector<Part> parts;
  thread_local ViewMap class_of, part_class;
  last_of.clear();
  parts.clear();
  size_t fulls = 0;
  auto is_full = [](const Mention& m) {
    return (m.type == EntityType::Person || m.type == EntityType::Firm) &&
           m.last_token != m.first_token;
  };
  for (const Mention& m : doc.mentions) fulls += is_full(m);
  if (fulls) class_of.reset(fulls);
  for (uint32_t mi = 0; mi < doc.mentions.size() && fulls; ++mi) {
    const Mention& m = doc.mentions[mi];
    if (!is_full(m)) continue;
    uint32_t& cls = class_of.at(m.entity);
    if (cls == kNone) {
      cls = static_cast<uint32_t>(last_of.size());
      last_of.push_back(mi);
    }
    last_of[cls] = mi;
    uint32_t part = m.type == EntityType::Person ? m.last_token : m.first_token;
    for (const auto& l : lemmas[part]) parts.push_back({l, cls});
  }
  // Bit min(size, 63) of each part's lemma: most candidates have a length
  // no part has, and need no search.
  uint64_t part_sizes = 0;
  for (const Part& p : parts) part_sizes |= uint64_t{1} << std::min<size_t>(p.lemma.size(), 63);
  if (!parts.empty()) {
    part_class.reset(parts.size());
    for (const Part& p : parts) {
      uint32_t& cls = part_class.at(p.lemma);
      cls = cls == kNone || cls == p.cls ? p.cls : kSeveral;
    }
    for (uint32_t i : may_name) {
      if (!can_name(i)) continue;
      uint32_t hit = kNone;
      bool several = false;
      for (const auto& l : lemmas[i]) {
        if (!(part_sizes >> std::min<size_t>(l.size(), 63) & 1)) continue;
        const uint32_t cls = part_class.get(l);
        if (cls == kNone) continue;
        several |= cls == kSeveral || (hit != kNone && cls != hit);
        hit = cls;
      }
      // Two people sharing the surname: no evidence which one is meant.
      if (hit == kNone || several) continue;
      const Mention& named = doc.mentions[last_of[hit]];
      add_mention(c, i, i, named.type, named.entity, named.lemma);
    }
  }
  sort_by_start(doc.mentions);
  covered_buffer = std::move(c.covered);
  title_buffer = std::move(c.title_at);
  release_if_huge(covered_buffer);
  release_if_huge(title_buffer);
  release_if_huge(word);
  release_if_huge(found);
  release_if_huge(stretch_at);
  release_if_huge(may_name);
  release_if_huge(last_of);
  release_if_huge(parts);
}

}  // namespace nkg
