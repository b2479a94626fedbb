#include "extract/agreements.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <span>
#include <string_view>

#include "extract/amounts.h"

namespace nkg {

namespace {

constexpr std::string_view kKindOrder[] = {"joint_venture", "memorandum", "treaty_accession",
                                           "purchase",      "investment", "trade_deal",
                                           "contract",      "treaty",     "other"};
constexpr int kKinds = 9;

// The kinds of each length (the order has none longer than 16 bytes), so
// that a rank costs one or two comparisons.
struct KindsByLength {
  int at[17][kKinds] = {};
  int count[17] = {};
  constexpr KindsByLength() {
    for (int i = 0; i < kKinds; ++i) {
      size_t len = kKindOrder[i].size();
      at[len][count[len]++] = i;
    }
  }
};
constexpr KindsByLength kKindsByLength;

constexpr int rank_of(std::string_view kind) {
  if (kind.size() > 16) return 100;
  for (int k = 0; k < kKindsByLength.count[kind.size()]; ++k) {
    int i = kKindsByLength.at[kind.size()][k];
    if (kind == kKindOrder[i]) return i;
  }
  return 100;
}
constexpr int kRankInvestment = rank_of("investment");
constexpr int kRankContract = rank_of("contract");
// The merge loop compares kinds by rank, which names a known kind uniquely.
constexpr int kRankJointVenture = rank_of("joint_venture");
constexpr int kRankAccession = rank_of("treaty_accession");
constexpr int kRankPurchase = rank_of("purchase");
constexpr int kRankTreaty = rank_of("treaty");
static_assert(kRankInvestment == 4 && kRankContract == 6 && rank_of("other") == 8 &&
              rank_of("joint_venture") == 0 && rank_of("treaty_accession") == 2 &&
              rank_of("none") == 100);

}  // namespace

int kind_rank(const std::string& kind) { return rank_of(kind); }

namespace {

constexpr int status_rank(std::string_view s) {
  if (s == "status_signed") return 0;
  if (s == "status_agreed") return 1;
  if (s == "status_announced") return 2;
  if (s == "status_planned") return 3;
  return 100;
}
constexpr int kStatusSigned = status_rank("status_signed");
constexpr int kStatusAgreed = status_rank("status_agreed");

// Cue payloads are used in place, by pointer into the cue dictionaries,
// which outlive the call.
using Payload = const std::string*;

struct StatusAt {
  Payload word;
  uint32_t at;  // first token of the status word
};

// Items of a clause, as a range of an array shared by the clauses of an
// article: they are appended in token order, and merged clauses are
// neighbours, so a merged clause's items are the union of the ranges.
struct Range {
  uint32_t begin = 0, end = 0;
  bool empty() const { return begin == end; }
};
template <class T>
std::span<const T> items(const std::vector<T>& all, Range r) {
  return {all.data() + r.begin, r.end - r.begin};
}

struct Clause {
  uint32_t first = 0, last = 0;  // token range, inclusive
  uint32_t sentence = 0;
  // Kinds and status words, unique by value and sorted by it (ties between
  // equal ranks go to the first in that order).
  std::vector<Payload> kinds;
  std::vector<StatusAt> statuses;
  bool anaphor = false;
  Range orgs, persons, amounts, subjects;  // in the article's arrays (Scratch)
  uint32_t first_trigger = UINT32_MAX;

  // As new but for first, last and sentence, and keeping the vectors'
  // room: clauses are reused from article to article.
  void reset() {
    kinds.clear();
    statuses.clear();
    anaphor = false;
    orgs = persons = amounts = subjects = Range{};
    first_trigger = UINT32_MAX;
  }

  void add_kind(Payload k) {
    auto it = std::lower_bound(kinds.begin(), kinds.end(), k,
                               [](Payload a, Payload b) { return *a < *b; });
    if (it == kinds.end() || **it != *k) kinds.insert(it, k);
  }
  bool has_kind(std::string_view k) const {
    return std::any_of(kinds.begin(), kinds.end(), [&](Payload p) { return *p == k; });
  }
  // A status word seen again keeps its first position.
  void add_status(Payload w, uint32_t at) {
    auto it = std::lower_bound(statuses.begin(), statuses.end(), w,
                               [](const StatusAt& a, Payload b) { return *a.word < *b; });
    if (it == statuses.end() || *it->word != *w) statuses.insert(it, {w, at});
  }
  const StatusAt* status(std::string_view w) const {
    for (const auto& s : statuses)
      if (*s.word == w) return &s;
    return nullptr;
  }
};

// A clause's record until it is kept or extends one: its strings by view
// or pointer (into the clause's payloads, mentions and amounts), copied
// only into the records kept. Its parties are the clause's `parties`.
struct Draft {
  std::string_view kind, status, quantity, item;
  std::vector<const std::string*> signatories;
  std::vector<const Amount*> values;  // Money
  struct Stake {
    const std::string *holder, *share;
  };
  std::vector<Stake> stakes;
  std::vector<Payload> subjects;  // unique by value

  void clear() {
    kind = status = quantity = item = {};
    signatories.clear();
    values.clear();
    stakes.clear();
    subjects.clear();
  }
  void values_to(AgreementRecord* r) const {
    for (const Amount* a : values)
      r->values.push_back({a->value, a->currency, a->up_to, a->approximate});
  }
  void stakes_to(AgreementRecord* r) const {
    for (const Stake& st : stakes) r->stakes.push_back({*st.holder, *st.share});
  }
};

// Where a text's quotation marks are: one search per lead byte, where a
// search per kind of quotation and per quotation cost five passes over
// the text and more.
struct QuoteMarks {
  enum Mark { kStraight, kLowDouble, kRightDouble, kLeftDouble, kLeftGuillemet, kRightGuillemet };
  static constexpr uint32_t kLength[] = {1, 3, 3, 3, 2, 2};  // " „ ” “ « » in UTF-8
  std::vector<uint32_t> at[6];                               // positions of each mark, ascending

  // False when the text opens no quotation.
  bool find(std::string_view text) {
    for (auto& v : at) v.clear();
    each(text, '"', [&](uint32_t p) { at[kStraight].push_back(p); });
    each(text, '\xE2', [&](uint32_t p) {
      if (p + 2 >= text.size() || text[p + 1] != '\x80') return;
      if (text[p + 2] == '\x9E') at[kLowDouble].push_back(p);
      if (text[p + 2] == '\x9D') at[kRightDouble].push_back(p);
      if (text[p + 2] == '\x9C') at[kLeftDouble].push_back(p);
    });
    each(text, '\xC2', [&](uint32_t p) {
      if (p + 1 >= text.size()) return;
      if (text[p + 1] == '\xAB') at[kLeftGuillemet].push_back(p);
      if (text[p + 1] == '\xBB') at[kRightGuillemet].push_back(p);
    });
    return !at[kStraight].empty() || !at[kLowDouble].empty() || !at[kLeftDouble].empty() ||
           !at[kLeftGuillemet].empty();
  }
  // Whether a paragraph ends ("\n\n" starts) in [from, end).
  static bool para_in(std::string_view text, uint32_t from, uint32_t end) {
    const char* b = text.data();
    for (const char* p = b + from;
         (p = static_cast<const char*>(std::memchr(p, '\n', end - (p - b)))); ++p)
      if (static_cast<size_t>(p - b) + 1 < text.size() && p[1] == '\n') return true;
    return false;
  }
  template <class F>
  static void each(std::string_view text, char c, F f) {
    const char* b = text.data();
    for (const char* p = b;
         (p = static_cast<const char*>(std::memchr(p, c, text.size() - (p - b)))); ++p)
      f(static_cast<uint32_t>(p - b));
  }
};

// Whether the text between two tokens holds a comma, semicolon, en or em
// dash or Arabic comma: one pass, as most gaps are a single space.
bool is_separator(std::string_view between) {
  // Most gaps are one byte, where the longer marks cannot be.
  if (between.size() == 1) return between[0] == ',' || between[0] == ';';
  for (size_t i = 0; i < between.size(); ++i) {
    char c = between[i];
    if (c == ',' || c == ';') return true;
    if (c == '\xE2' && i + 2 < between.size() && between[i + 1] == '\x80' &&
        (between[i + 2] == '\x93' || between[i + 2] == '\x94'))
      return true;
    if (c == '\xD8' && i + 1 < between.size() && between[i + 1] == '\x8C') return true;
  }
  return false;
}

// Where the parentheses are: rfind from every token would rescan the
// article back to its start when it has none.
struct Brackets {
  std::string_view text;
  std::vector<uint32_t> open, close;
  explicit Brackets(const std::string& t) : text(t) {
    find_all(t, '(', &open);
    find_all(t, ')', &close);
  }
  static void find_all(const std::string& text, char c, std::vector<uint32_t>* at) {
    for (size_t pos = text.find(c); pos != std::string::npos; pos = text.find(c, pos + 1))
      at->push_back(static_cast<uint32_t>(pos));
  }
  // The last position <= pos in `at` (std::string::rfind(c, pos)), or npos.
  static size_t last(const std::vector<uint32_t>& at, uint32_t pos) {
    auto it = std::upper_bound(at.begin(), at.end(), pos);
    return it == at.begin() ? std::string::npos : *(it - 1);
  }
};

bool inside_parentheses(const Brackets& b, Span s) {
  // An opening parenthesis after the last closing one, before the span.
  size_t open = Brackets::last(b.open, s.begin), close = Brackets::last(b.close, s.begin);
  if (open == std::string::npos || (close != std::string::npos && close > open)) return false;
  // And no line break after it, up to the span: a short stretch, where
  // the breaks of the whole article would cost a search per line.
  return std::memchr(b.text.data() + open, '\n', s.begin - open) == nullptr;
}

}  // namespace

void find_agreements(Document& doc, const Knowledge& k, const DateFinder& dates,
                     const AmountFinder& amount_finder, const LemmaTable& lemmas) {
  auto date_lemmas = token_lemmas(doc, dates.pack(), &k.vocabulary());
  find_agreements(doc, k, dates, amount_finder, lemmas, dates.find(doc, date_lemmas), date_lemmas);
}

void find_agreements(Document& doc, const Knowledge& k, const DateFinder& dates,
                     const AmountFinder& amount_finder, const LemmaTable& lemmas,
                     const std::vector<DateHit>& date_hits, const LemmaTable& date_lemmas) {
  const Cues& cues = k.cues(doc.lang);
  size_t n = doc.tokens.size();
  if (n == 0) return;
  // Buffers kept from call to call.
  struct Scratch {
    // Token, payload, and what the payload is: read once, as the clause
    // loop asks again.
    struct Trigger {
      uint32_t at;
      Payload payload;
      enum Role : uint8_t { kKind, kStatus, kAnaphor } role;
    };
    std::vector<Trigger> triggers;
    std::vector<DictMatch> here;
    std::vector<const Mention*> mention_at;
    std::vector<const Amount*> amount_at;
    std::vector<Payload> subject_at;
    std::vector<uint8_t> noted;
    std::vector<uint32_t> date_at;              // 1 + index into date_iso, or 0
    std::vector<const Mention*> orgs, persons;  // of the clauses, in token order
    std::vector<const Amount*> amounts;
    std::vector<Payload> subjects;
    std::vector<uint8_t> live;    // by sentence
    std::vector<Clause> clauses;  // the first `nclauses` in use
    QuoteMarks quotes;
    std::vector<uint8_t> ignored;  // by token
    std::vector<std::string> date_iso;
    std::vector<uint8_t> iso_made;
    std::vector<uint32_t> out_sentence;
    std::vector<int> out_rank, out_status;
    std::vector<const std::string*> parties, firms;
    Draft draft;
  };
  thread_local Scratch scratch;
  // Direct speech (a quotation of six words or more) and headline or caption
  // lines (no closing punctuation) report no agreement of their own.
  // Bytes, not bits: read at every token of the clause loop.
  auto& ignored = scratch.ignored;
  ignored.clear();
  ignored.resize(n);
  {
    // Quotations of each kind in turn, from the start of the text: a
    // kind's next opening mark after the last closing one, the first
    // closing mark after it, unless a paragraph ends first, which ends the
    // kind's search.
    using M = QuoteMarks::Mark;
    static constexpr std::pair<M, M> kQuotes[] = {{M::kStraight, M::kStraight},
                                                  {M::kLowDouble, M::kRightDouble},
                                                  {M::kLowDouble, M::kLeftDouble},
                                                  {M::kLeftDouble, M::kRightDouble},
                                                  {M::kLeftGuillemet, M::kRightGuillemet}};
    QuoteMarks& q = scratch.quotes;
    if (q.find(doc.text))
      for (const auto& [open, close] : kQuotes) {
        const auto& opens = q.at[open];
        const auto& closes = q.at[close];
        uint32_t pos = 0;
        for (;;) {
          auto o = std::lower_bound(opens.begin(), opens.end(), pos);
          if (o == opens.end()) break;
          uint32_t from = *o + QuoteMarks::kLength[open];
          auto c = std::lower_bound(closes.begin(), closes.end(), from);
          if (c == closes.end()) break;
          uint32_t end = *c;
          if (QuoteMarks::para_in(doc.text, from, end)) break;
          // Tokens are in text order and do not overlap: only those from
          // `from` on, up to the first reaching past `end`, can be inside.
          auto first = std::partition_point(doc.tokens.begin(), doc.tokens.end(),
                                            [&](const Token& t) { return t.span.begin < from; });
          const auto i0 = static_cast<uint32_t>(first - doc.tokens.begin());
          uint32_t words = 0;
          for (uint32_t i = i0; i < n && doc.tokens[i].span.begin < end; ++i)
            words += doc.tokens[i].span.end <= end;
          if (words >= 6)
            for (uint32_t i = i0; i < n && doc.tokens[i].span.begin < end; ++i)
              if (doc.tokens[i].span.end <= end) ignored[i] = 1;
          pos = end + QuoteMarks::kLength[close];
        }
      }
    // Whether a sentence is closed depends on the sentence only: each is
    // looked at once, and the tokens of an open one (a headline or caption,
    // a few an article) found by halving, as their sentence numbers ascend.
    static constexpr std::string_view kEnds[] = {
        ".",        "!", "?", "\xD8\x9F", "\xE2\x80\xA6", "\"", "\xE2\x80\x9D", "\xE2\x80\x9C",
        "\xC2\xBB", ")"};
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
      Span sp = doc.sentences[s];
      uint32_t e = sp.end;
      // std::isspace of the "C" locale (the program sets none other), inline.
      auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
      while (e > sp.begin && space(doc.text[e - 1])) --e;
      std::string_view tail = std::string_view(doc.text).substr(sp.begin, e - sp.begin);
      // The last byte first: it tells most marks apart.
      bool closed = !tail.empty() &&
                    std::any_of(std::begin(kEnds), std::end(kEnds), [&](std::string_view end_mark) {
                      return tail.back() == end_mark.back() && tail.ends_with(end_mark);
                    });
      if (closed) continue;
      auto first = std::partition_point(doc.tokens.begin(), doc.tokens.end(),
                                        [&](const Token& t) { return t.sentence < s; });
      for (auto t = first; t != doc.tokens.end() && t->sentence == s; ++t)
        ignored[t - doc.tokens.begin()] = 1;
    }
  }

  // Trigger words of the tokens that can report a deal, in token order.
  // Without a kind of deal among them no clause can make an agreement, and
  // the rest need not be looked for.
  auto& triggers = scratch.triggers;
  triggers.clear();
  bool any_kind = false;
  for (uint32_t i = cues.triggers.next_start(lemmas, 0, static_cast<uint32_t>(n)); i < n;
       i = cues.triggers.next_start(lemmas, i + 1, static_cast<uint32_t>(n))) {
    if (ignored[i]) continue;
    scratch.here.clear();
    cues.triggers.match_at(doc, lemmas, i, &scratch.here);
    for (const auto& m : scratch.here) {
      // As a view: its == compares lengths first, inline, where the
      // string's calls strlen and compare.
      const std::string_view p = m.entry->payload;
      auto role = p == "anaphor"             ? Scratch::Trigger::kAnaphor
                  : p.starts_with("status_") ? Scratch::Trigger::kStatus
                                             : Scratch::Trigger::kKind;
      triggers.push_back({i, &m.entry->payload, role});
      any_kind = any_kind || role == Scratch::Trigger::kKind;
    }
  }
  if (!any_kind) {
    doc.agreements.clear();
    return;
  }

  // Token annotations, dates for the clauses that keep theirs.
  // Each cleared by value-initialising it, which sets bytes (a fill stores
  // element by element).
  auto& mention_at = scratch.mention_at;
  mention_at.clear();
  mention_at.resize(n);
  // Whether a token has a mention, amount or subject: most have none, and
  // the clause loop asks one array instead of three.
  auto& noted = scratch.noted;
  noted.clear();
  noted.resize(n);
  for (const auto& m : doc.mentions) {
    mention_at[m.first_token] = &m;
    noted[m.first_token] = 1;
  }
  std::vector<Amount> amounts = amount_finder.find(doc, date_hits);
  auto& amount_at = scratch.amount_at;
  amount_at.clear();
  amount_at.resize(n);
  for (const auto& a : amounts) {
    amount_at[a.first] = &a;
    noted[a.first] = 1;
  }
  auto& subject_at = scratch.subject_at;
  subject_at.clear();
  subject_at.resize(n);
  for (const auto& m : cues.subjects.find(doc, lemmas)) {
    subject_at[m.first] = &m.entry->payload;
    noted[m.first] = 1;
  }
  auto& date_at = scratch.date_at;
  date_at.clear();
  date_at.resize(n);
  for (uint32_t h = 0; h < date_hits.size(); ++h) date_at[date_hits[h].first] = h + 1;
  // ISO forms of the hits, made when a clause asks (most never do).
  auto& date_iso = scratch.date_iso;
  auto& iso_made = scratch.iso_made;
  date_iso.clear();
  date_iso.resize(date_hits.size());
  iso_made.assign(date_hits.size(), 0);
  auto iso_of = [&](uint32_t h) -> const std::string& {
    if (!iso_made[h]) {
      DateHit d = date_hits[h];
      if (!d.year && !doc.issued.empty()) d.year = std::atoi(doc.issued.substr(0, 4).c_str());
      date_iso[h] = d.iso();
      iso_made[h] = true;
    }
    return date_iso[h];
  };
  // The date a token states: a date found there, else a weekday before the
  // date of issue; unchanged `out` when none.
  auto date_of = [&](uint32_t i, std::string* out) {
    if (date_at[i] && !iso_of(date_at[i] - 1).empty()) {
      *out = iso_of(date_at[i] - 1);
      return;
    }
    if (doc.issued.empty()) return;
    if (int wd = dates.weekday_at(date_lemmas, i)) *out = resolve_weekday(doc.issued, wd);
  };

  // Sentences that can make or extend a deal: those with a kind or anaphor
  // trigger, or a sum or stake. The clauses of any other sentence have no
  // kind, anaphor or figure, and the record loop would pass them over.
  auto& live = scratch.live;
  live.assign(doc.sentences.size(), 0);
  for (const auto& t : triggers)
    if (t.role != Scratch::Trigger::kStatus) live[doc.tokens[t.at].sentence] = 1;
  for (const auto& a : amounts)
    if (a.kind == AmountKind::Money || a.kind == AmountKind::Percent)
      live[doc.tokens[a.first].sentence] = 1;

  // Clauses.
  Brackets brackets(doc.text);
  auto& orgs = scratch.orgs;
  auto& persons = scratch.persons;
  auto& clause_amounts = scratch.amounts;
  auto& subjects = scratch.subjects;
  orgs.clear();
  persons.clear();
  clause_amounts.clear();
  subjects.clear();
  auto& clauses = scratch.clauses;
  size_t nclauses = 0;
  size_t next_trigger = 0;
  // The token of triggers[next_trigger], UINT32_MAX past the last.
  auto trigger_token = [&] {
    return next_trigger < triggers.size() ? triggers[next_trigger].at : UINT32_MAX;
  };
  uint32_t next_trigger_at = trigger_token();
  uint32_t sentence = UINT32_MAX;  // of the token before
  bool new_sentence = false;       // the sentence has no clause yet
  for (uint32_t i = 0; i < n; ++i) {
    if (doc.tokens[i].sentence != sentence) {
      sentence = doc.tokens[i].sentence;
      if (!live[sentence]) {  // past it, and past its status words
        while (i + 1 < n && doc.tokens[i + 1].sentence == sentence) ++i;
        while (next_trigger < triggers.size() && triggers[next_trigger].at <= i) ++next_trigger;
        next_trigger_at = trigger_token();
        continue;
      }
      new_sentence = true;
    }
    if (ignored[i]) continue;
    bool start = new_sentence;
    if (!start && i > 0) {
      // Built in place: tokens lie in the text in order, so substr's range
      // check never fires, and it is not inlined.
      uint32_t gap_begin = doc.tokens[i - 1].span.end;
      std::string_view between(doc.text.data() + gap_begin, doc.tokens[i].span.begin - gap_begin);
      start = is_separator(between) && !inside_parentheses(brackets, doc.tokens[i].span);
    }
    if (start) {
      new_sentence = false;
      if (nclauses == clauses.size()) clauses.emplace_back();
      Clause& fresh = clauses[nclauses++];
      fresh.reset();
      fresh.first = fresh.last = i;
      fresh.sentence = doc.tokens[i].sentence;
      auto at_end = [](const auto& all) {
        auto e = static_cast<uint32_t>(all.size());
        return Range{e, e};
      };
      fresh.orgs = at_end(orgs);
      fresh.persons = at_end(persons);
      fresh.amounts = at_end(clause_amounts);
      fresh.subjects = at_end(subjects);
    }
    Clause& c = clauses[nclauses - 1];
    c.last = i;
    if (i == next_trigger_at) {
      for (; next_trigger < triggers.size() && triggers[next_trigger].at == i; ++next_trigger) {
        const std::string& p = *triggers[next_trigger].payload;
        auto role = triggers[next_trigger].role;
        if (role == Scratch::Trigger::kAnaphor)
          c.anaphor = true;
        else if (role == Scratch::Trigger::kStatus)
          c.add_status(&p, i);
        else {
          c.add_kind(&p);
          c.first_trigger = std::min(c.first_trigger, i);
        }
      }
      next_trigger_at = trigger_token();
    }
    if (!noted[i]) continue;
    if (const Mention* m = mention_at[i]) {
      if (m->type == EntityType::State || m->type == EntityType::Firm) {
        orgs.push_back(m);
        ++c.orgs.end;
      }
      if (m->type == EntityType::Person) {
        persons.push_back(m);
        ++c.persons.end;
      }
    }
    if (amount_at[i] && !inside_parentheses(brackets, doc.tokens[i].span)) {
      clause_amounts.push_back(amount_at[i]);
      ++c.amounts.end;
    }
    if (subject_at[i] && !subject_at[i]->empty()) {
      subjects.push_back(subject_at[i]);
      ++c.subjects.end;
    }
  }
  // A clause lacking a trigger or an organisation joins its neighbour in the sentence.
  auto absorb = [](Clause& into, const Clause& c) {
    into.first = std::min(into.first, c.first);
    into.last = std::max(into.last, c.last);
    for (Payload kd : c.kinds) into.add_kind(kd);
    for (const auto& st : c.statuses) into.add_status(st.word, st.at);
    into.anaphor |= c.anaphor;
    into.first_trigger = std::min(into.first_trigger, c.first_trigger);
    into.orgs.end = c.orgs.end;  // c's items follow into's
    into.persons.end = c.persons.end;
    into.amounts.end = c.amounts.end;
    into.subjects.end = c.subjects.end;
  };
  // Clauses stay apart only when each states its own deal with its own
  // figures ("Air Astana will 15 kaufen, Somon Air 14 bestellen"); lists of
  // names and subordinate clauses join their sentence.
  auto own_deal = [&](const Clause& c) {
    if (c.kinds.empty() || c.orgs.empty()) return false;
    for (const Amount* a : items(clause_amounts, c.amounts))
      if (a->kind == AmountKind::Money || a->kind == AmountKind::Count) return true;
    return false;
  };
  // In place: the merged clauses are the first `nmerged`, swapped there
  // (a move would give up the vectors' room).
  size_t nmerged = 0;
  for (size_t j = 0; j < nclauses; ++j) {
    Clause& c = clauses[j];
    bool prev_same = nmerged > 0 && clauses[nmerged - 1].sentence == c.sentence;
    if (prev_same && !(own_deal(c) && own_deal(clauses[nmerged - 1])))
      absorb(clauses[nmerged - 1], c);
    else if (nmerged++ != j)
      std::swap(clauses[nmerged - 1], c);
  }
  const std::span<const Clause> merged(clauses.data(), nmerged);
  // Each clause's mentions are in position order: one mention starts at a
  // token, and they were appended token by token.

  // A clause's date: that of its first token stating one. Only a clause
  // that makes or extends an agreement needs it.
  auto clause_date = [&](const Clause& c) {
    std::string d;
    for (uint32_t i = c.first; i <= c.last && d.empty(); ++i)
      if (!ignored[i]) date_of(i, &d);
    return d;
  };

  auto excluded_party = [&](const Mention* m) {
    // A state qualifying a firm or firm cue: "US-Investor Cove", "kazachską spółką Tau-Ken".
    if (m->type == EntityType::State) {
      for (uint32_t j = m->last_token + 1; j <= m->last_token + 3 && j < n; ++j) {
        if (doc.tokens[j].sentence != doc.tokens[m->last_token].sentence) break;
        if (Cues::any_in(cues.firm_prefix, lemmas.ids(j)) ||
            Cues::any_in(cues.firm_sector, lemmas.ids(j)))
          return true;
        if (mention_at[j] && mention_at[j]->type == EntityType::Firm) return true;
        if (doc.tokens[j].gap_before) break;
      }
    }
    // A place: "w USA", "in Kasachstan".
    if (m->type == EntityType::State && m->first_token > 0 &&
        Cues::any_in(cues.location_prep, lemmas.ids(m->first_token - 1)))
      return true;
    // A source: "laut Reuters", "according to Reuters", "told Reuters".
    if (m->type == EntityType::Firm && Cues::any_in(cues.source, lemmas.ids(m->first_token)))
      return true;
    // A credit in parentheses: "ASTANA (Reuters) -".
    if (m->type == EntityType::Firm && m->span.begin > 0 && doc.text[m->span.begin - 1] == '(' &&
        m->span.end < doc.text.size() && doc.text[m->span.end] == ')')
      return true;
    if (m->type == EntityType::Firm)
      for (uint32_t back = 1; back <= 3 && back <= m->first_token; ++back) {
        if (Cues::any_in(cues.source, lemmas.ids(m->first_token - back))) return true;
        if (doc.tokens[m->first_token - back + 1].gap_before) break;
      }
    return false;
  };

  std::vector<AgreementRecord> out;
  out.reserve(8);  // most articles report a few; records are large to move
  auto& out_sentence = scratch.out_sentence;  // last sentence of each record
  // rank_of(kind) and the status's status_rank of each record (100: none).
  auto& out_rank = scratch.out_rank;
  auto& out_status = scratch.out_status;
  out_sentence.clear();
  out_rank.clear();
  out_status.clear();
  // Parties and firms of a clause point at the entity keys of its mentions.
  auto& parties = scratch.parties;
  auto& firms = scratch.firms;
  Draft& draft = scratch.draft;  // the clause's record
  auto has_firm = [](const AgreementRecord& r, const std::vector<const std::string*>& keys) {
    for (const std::string* f : keys)
      if (std::find(r.parties.begin(), r.parties.end(), *f) != r.parties.end()) return true;
    return false;
  };
  for (const auto& c : merged) {
    const auto c_orgs = items(orgs, c.orgs);
    const auto c_persons = items(persons, c.persons);
    const auto c_amounts = items(clause_amounts, c.amounts);
    const auto c_subjects = items(subjects, c.subjects);
    // A clause without a kind makes no agreement; it can only extend an
    // earlier one, by an anaphor or by a sum or stake of its own. Most
    // clauses are such, and need no record.
    if (c.kinds.empty()) {
      bool figure = std::any_of(c_amounts.begin(), c_amounts.end(), [](const Amount* a) {
        return a->kind == AmountKind::Money || a->kind == AmountKind::Percent;
      });
      if (out.empty() || (!c.anaphor && !figure)) continue;
    }
    // The status word of best rank (the first of equal ones); kept as its
    // rank too, 100 for none.
    const std::string* status = nullptr;
    int status_r = 100;
    for (const auto& st : c.statuses)
      if (int r = status_rank(*st.word); r < status_r) {
        status = st.word;
        status_r = r;
      }
    // What someone hopes or proposes ("hopes that X will sign") is not a
    // deal: a wish word before the status word takes the status back. A
    // status stated first stands ("announced it hopes to join").
    const StatusAt* wish = c.status("status_wish");
    if (status && wish && wish->at < c.status(*status)->at) {
      status = nullptr;
      status_r = 100;
    }
    bool wish_only = !status && wish;
    parties.clear();
    firms.clear();
    for (const Mention* m : c_orgs) {
      if (excluded_party(m)) continue;
      if (std::none_of(parties.begin(), parties.end(),
                       [&](const std::string* p) { return *p == m->entity; })) {
        parties.push_back(&m->entity);
        if (m->type == EntityType::Firm) firms.push_back(&m->entity);
      }
    }
    std::string_view kind;  // a payload, or a kind named here
    int kind_r = 100;       // rank_of(kind)
    for (Payload kd : c.kinds)
      if (int r = rank_of(*kd); kind.empty() || r < kind_r) {
        kind = *kd;
        kind_r = r;
      }
    if (kind_r == kRankAccession) {
      // The acceding state stands before the trigger.
      for (const Mention* m : c_orgs)
        if (m->type == EntityType::State && m->last_token < c.first_trigger && !excluded_party(m)) {
          parties.assign(1, &m->entity);
          break;
        }
    }
    Draft& rec = draft;
    rec.clear();
    rec.kind = kind;
    if (status) rec.status = std::string_view(*status).substr(7);
    for (Payload s : c_subjects)
      if (std::none_of(rec.subjects.begin(), rec.subjects.end(),
                       [&](Payload p) { return *p == *s; }))
        rec.subjects.push_back(s);
    for (const Amount* a : c_amounts) {
      if (a->kind == AmountKind::Money) {
        rec.values.push_back(a);
      } else if (a->kind == AmountKind::Percent) {
        // Holder: nearest party before the percentage, else after it.
        // Holder: the nearest firm before the percentage, else after it,
        // else the nearest state.
        // Each holder holds one stake of a deal ("51% ... and 49%").
        auto free_holder = [&](const Mention* m, EntityType want) {
          if (m->type != want || excluded_party(m)) return false;
          for (const auto& st : rec.stakes)
            if (*st.holder == m->entity) return false;
          return true;
        };
        const Mention* holder = nullptr;
        for (EntityType want : {EntityType::Firm, EntityType::State}) {
          for (const Mention* m : c_orgs)
            if (m->last_token < a->first && free_holder(m, want)) holder = m;
          if (!holder)
            for (const Mention* m : c_orgs)
              if (m->first_token > a->last && free_holder(m, want)) {
                holder = m;
                break;
              }
          if (holder) break;
        }
        if (holder) rec.stakes.push_back({&holder->entity, &a->value});
      } else if (a->kind == AmountKind::Count && rec.quantity.empty() && a->has_item &&
                 kind_r == kRankPurchase &&
                 !Cues::any_in(cues.time_unit, lemmas.ids(a->item_first))) {
        rec.quantity = a->value;
        Span item{doc.tokens[a->item_first].span.begin, doc.tokens[a->item_last].span.end};
        rec.item = doc.slice(item);
      }
    }
    if (status_r == kStatusSigned)
      for (const Mention* p : c_persons) rec.signatories.push_back(&p->entity);

    // A purchase with no count: buying a stake is a joint venture or an
    // investment, not an order of goods.
    if (kind_r == kRankPurchase && rec.quantity.empty()) {
      if (!rec.stakes.empty())
        kind = "joint_venture";
      else if (c.has_kind("investment"))
        kind = "investment";
      rec.kind = kind;
      kind_r = rank_of(kind);
    }
    // Generic words ("agreements", "investment") need something concrete:
    // a firm, a figure, two states, or a deal said to be signed or agreed.
    bool generic = kind_r >= kRankInvestment;
    bool concrete = !firms.empty() || !rec.values.empty() || !rec.stakes.empty() ||
                    status_r == kStatusSigned || status_r == kStatusAgreed ||
                    (parties.size() >= 2 && status);
    // Without a status word and without figures a deal is only talked about
    // ("Kasachstan prüft den Kauf").
    bool figures = !rec.values.empty() || !rec.stakes.empty() || !rec.quantity.empty();
    bool stated = status || figures;
    // "several agreements", "eine Reihe neuer Abkommen": a summary, not one deal.
    bool vague = false;
    for (uint32_t back = 1; back <= 2 && c.first_trigger != UINT32_MAX && back <= c.first_trigger;
         ++back)
      vague |= Cues::any_in(cues.vague, lemmas.ids(c.first_trigger - back));
    if (vague && !figures) stated = false;
    bool is_agreement =
        !kind.empty() && !parties.empty() && !wish_only && (!generic || concrete) && stated;
    // Merge into a recent agreement of this article?
    int target = -1, best_score = -1;
    for (int j = static_cast<int>(out.size()) - 1; j >= 0; --j) {
      // Words that refer back reach further than shared names.
      // Far back (past 12 sentences) only a deal sharing a firm or subject.
      if (c.sentence > out_sentence[j] + (c.anaphor ? 30u : 2u)) break;
      bool far = c.sentence > out_sentence[j] + 12u;
      const AgreementRecord& r = out[j];
      const int r_kind = out_rank[j];
      // The next sentence about the same kind of deal continues it (equal
      // ranks below investment's are the same kind).
      bool continues = is_agreement && c.sentence <= out_sentence[j] + 1 && kind_r == r_kind &&
                       kind_r < kRankInvestment &&
                       (rec.quantity.empty() || r.quantity.empty() || rec.quantity == r.quantity);
      // Joining a treaty is its own kind of deal: only treaty words continue it.
      bool accession_mismatch = (r_kind == kRankAccession) != (kind_r == kRankAccession) &&
                                !kind.empty() && kind_r != kRankTreaty;
      // Below contract's rank, equal ranks are equal kinds; from it on, any
      // kind is compatible.
      bool compatible = kind.empty() || kind_r == r_kind || kind_r >= kRankContract ||
                        r_kind >= kRankContract ||
                        (kind_r == kRankJointVenture && r_kind != kRankPurchase) ||
                        (r_kind == kRankJointVenture && kind_r != kRankPurchase);
      bool refers =
          c.anaphor || (parties.empty() && !wish_only) || (!firms.empty() && has_firm(r, firms));
      // A sentence adding only a figure ("The order is worth 2.2 billion").
      bool only_attributes = (!rec.values.empty() || !rec.stakes.empty()) &&
                             (parties.empty() || has_firm(r, firms)) && !wish;
      if (accession_mismatch && !continues) continue;
      if ((compatible && refers && (is_agreement || c.anaphor || only_attributes)) ||
          only_attributes || continues) {
        // A new count of a purchase is a separate order, not the same one.
        if (!rec.quantity.empty() && !r.quantity.empty() && rec.quantity != r.quantity) continue;
        // Several earlier deals may fit: prefer one sharing a firm, then a
        // subject ("this agreement" on tungsten), then the latest.
        int score = (!firms.empty() && has_firm(r, firms) ? 4 : 0);
        for (Payload sub : rec.subjects)
          if (std::find(r.subjects.begin(), r.subjects.end(), *sub) != r.subjects.end()) score += 2;
        if (far && score == 0) continue;
        if (target < 0 || score > best_score) {
          target = j;
          best_score = score;
        }
        if (!c.anaphor) break;
      }
    }
    if (target >= 0) {
      AgreementRecord& r = out[target];
      if (!kind.empty() && kind_r < out_rank[target]) {
        r.kind = kind;
        out_rank[target] = kind_r;
      }
      if (!rec.status.empty() && (r.status.empty() || status_r < out_status[target])) {
        r.status = rec.status;
        out_status[target] = status_r;
      }
      for (const std::string* p : parties)
        if (std::find(r.parties.begin(), r.parties.end(), *p) == r.parties.end())
          r.parties.push_back(*p);
      for (const std::string* p : rec.signatories)
        if (std::find(r.signatories.begin(), r.signatories.end(), *p) == r.signatories.end())
          r.signatories.push_back(*p);
      if (r.values.empty()) rec.values_to(&r);
      if (r.stakes.empty()) rec.stakes_to(&r);
      if (r.quantity.empty()) {
        r.quantity = rec.quantity;
        r.item = rec.item;
      }
      if (r.date.empty()) r.date = clause_date(c);
      for (Payload s : rec.subjects)
        if (std::find(r.subjects.begin(), r.subjects.end(), *s) == r.subjects.end())
          r.subjects.push_back(*s);
      if (r.sentences.back() != c.sentence) r.sentences.push_back(c.sentence);
      out_sentence[target] = c.sentence;
      continue;
    }
    if (!is_agreement) continue;
    AgreementRecord& kept = out.emplace_back();
    kept.kind = rec.kind;
    kept.status = rec.status;
    kept.parties.reserve(parties.size());
    for (const std::string* p : parties) kept.parties.push_back(*p);
    for (const std::string* p : rec.signatories) kept.signatories.push_back(*p);
    rec.values_to(&kept);
    rec.stakes_to(&kept);
    kept.quantity = rec.quantity;
    kept.item = rec.item;
    kept.date = clause_date(c);
    for (Payload sub : rec.subjects) kept.subjects.push_back(*sub);
    kept.sentences = {c.sentence};
    out_sentence.push_back(c.sentence);
    out_rank.push_back(kind_r);
    out_status.push_back(status_r);
  }
  // A stake implies a joint venture when the text named none more specific.
  for (auto& r : out)
    if (!r.stakes.empty() && r.kind != "memorandum" && r.kind != "purchase")
      r.kind = "joint_venture";
  // A total purchase followed by purchases of its parts.
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].kind != "purchase" || out[i].quantity.empty()) continue;
    double total = std::atof(out[i].quantity.c_str());
    // A total: the following orders (at least two) add up to no more than it.
    double parts = 0;
    int nparts = 0;
    for (size_t j = i + 1; j < out.size(); ++j) {
      if (out[j].kind != "purchase" || out[j].quantity.empty()) continue;
      if (out[j].sentences.front() > out[i].sentences.back() + 3) break;
      parts += std::atof(out[j].quantity.c_str());
      ++nparts;
    }
    if (nparts < 2 || parts > total) continue;
    std::vector<std::string> whole_firms;
    for (const auto& p : out[i].parties)
      if (p.rfind("state:", 0) != 0) whole_firms.push_back(p);
    for (size_t j = i + 1; j < out.size(); ++j) {
      if (out[j].kind != "purchase" || out[j].quantity.empty()) continue;
      if (out[j].sentences.front() > out[i].sentences.back() + 3) break;
      if (std::atof(out[j].quantity.c_str()) >= total) break;
      std::vector<std::string> part_firms;
      for (const auto& p : out[j].parties)
        if (p.rfind("state:", 0) != 0) part_firms.push_back(p);
      for (const auto& p : part_firms)
        if (std::find(out[i].parties.begin(), out[i].parties.end(), p) == out[i].parties.end())
          out[i].parties.push_back(p);
      for (const auto& p : whole_firms)
        if (std::find(out[j].parties.begin(), out[j].parties.end(), p) == out[j].parties.end())
          out[j].parties.push_back(p);
    }
  }
  doc.agreements = std::move(out);
}

}  // namespace nkg
