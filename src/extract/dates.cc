#include "extract/dates.h"

#include <unicode/calendar.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>

#include <cstdio>
#include <ctime>

#include "core/civil_date.h"
#include "extract/matcher.h"
#include "text/normalize.h"
#include "text/segment.h"

namespace nkg {

std::string DateHit::iso() const {
  if (!year || !month || !day || day > days_in_month(year, month)) return {};
  if (year < 0 || year > 9999) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }
  // By hand: snprintf costs more than the rest of a date's handling.
  std::string out = "0000-00-00";
  for (int k = 3, y = year; k >= 0; --k, y /= 10)
    out[static_cast<size_t>(k)] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + month / 10);
  out[6] = static_cast<char>('0' + month % 10);
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
  return out;
}

template <class Note>
static void add_icu_months(const std::string& lang, const Note& note) {
  int32_t n = 0;
  const icu::Locale* all = icu::Locale::getAvailableLocales(n);
  for (int32_t i = 0; i < n; ++i) {
    if (lang != all[i].getLanguage()) continue;
    icu::Locale loc(all[i]);
    UErrorCode st = U_ZERO_ERROR;
    loc.setKeywordValue("calendar", "gregorian", st);
    st = U_ZERO_ERROR;
    icu::DateFormatSymbols sym(loc, st);
    if (U_FAILURE(st)) continue;
    using DFS = icu::DateFormatSymbols;
    for (auto ctx : {DFS::FORMAT, DFS::STANDALONE})
      for (auto width : {DFS::WIDE, DFS::ABBREVIATED}) {
        int32_t count = 0;
        const icu::UnicodeString* names = sym.getMonths(count, ctx, width);
        for (int32_t m = 0; m < count && m < 12; ++m) {
          std::string s;
          names[m].toUTF8String(s);
          std::string key = match_key(s);
          while (!key.empty() && key.back() == '.') key.pop_back();
          if (key.size() >= 3) note(key, static_cast<uint32_t>(m + 1), false);
        }
      }
  }
}

DateFinder::DateFinder(const LangPack& pack, Vocabulary* vocab) : vocab_(vocab), pack_(pack) {
  if (vocab) {
    month_bit_ = vocab->dictionary_bit();
    weekday_bit_ = vocab->dictionary_bit();
  }
  // ICU's names never replace one already there; the pack's do.
  auto note_month = [&](const std::string& key, uint32_t m, bool replace) {
    if (replace)
      months_.set(key, m);
    else
      months_.emplace(key, m);
    month_filter_.add(key);
    if (vocab) vocab->mark_start(vocab->intern(key), month_bit_);
  };
  add_icu_months(pack.lang, note_month);
  for (const auto& [num, forms] : pack.months)
    for (const auto& f : forms)
      note_month(match_key(f), static_cast<uint32_t>(std::atoi(num.c_str())), true);
  for (const auto& [num, forms] : pack.weekdays)
    for (const auto& f : forms) {
      auto keys = key_tokens(f);
      if (keys.size() != 1) continue;
      weekdays_.set(keys[0], static_cast<uint32_t>(std::atoi(num.c_str())));
      weekday_filter_.add(keys[0]);
      if (vocab) vocab->mark_start(vocab->intern(keys[0]), weekday_bit_);
    }
  for (const auto& w : pack.numbers)
    if (w.cls == "ordinal")
      for (const auto& f : w.forms)
        ordinals_.set(match_key(f), static_cast<uint32_t>(std::atoi(w.value.c_str())));
}

int DateFinder::month_of(const std::vector<std::string>& lemmas) const {
  for (const auto& l : lemmas)
    if (month_filter_.may_contain(l))
      if (uint32_t m = months_.get(l)) return static_cast<int>(m);
  return 0;
}

int DateFinder::month_at(const LemmaTable& lemmas, uint32_t i) const {
  if (lemmas.built_on(vocab_) && !(lemmas.starts(i) & month_bit_)) return 0;
  return month_of(lemmas[i]);
}

int DateFinder::weekday_at(const LemmaTable& lemmas, uint32_t i) const {
  if (lemmas.built_on(vocab_) && !(lemmas.starts(i) & weekday_bit_)) return 0;
  return weekday_of(lemmas[i]);
}

int DateFinder::ordinal_of(std::string_view key) const {
  return static_cast<int>(ordinals_.get(key));
}

int DateFinder::weekday(const std::string& key) const { return weekday_of(pack_.lemmas(key)); }

int DateFinder::weekday_of(const std::vector<std::string>& lemmas) const {
  for (const auto& l : lemmas)
    if (weekday_filter_.may_contain(l))
      if (uint32_t d = weekdays_.get(l)) return static_cast<int>(d);
  return 0;
}

static int number_of(const Token& t, int lo, int hi) {
  if (!t.is_number || t.key.empty() || t.key.size() > 4) return 0;
  int v = 0;
  for (char c : t.key) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return (v >= lo && v <= hi) ? v : 0;
}

std::vector<DateHit> DateFinder::find(const Document& doc) const {
  return find(doc, token_lemmas(doc, pack_));
}

std::vector<DateHit> DateFinder::find(const Document& doc, const LemmaTable& lemmas) const {
  std::vector<DateHit> out;
  const auto& tk = doc.tokens;
  // A date starts at a number or a month name: with the dictionaries' bits
  // at hand, every other token is passed over at one test.
  const bool indexed = lemmas.built_on(vocab_);
  for (uint32_t i = 0; i < tk.size(); ++i) {
    if (indexed && !tk[i].is_number && !(lemmas.starts(i) & month_bit_)) continue;
    // ISO 8601: 2025-11-07 (three number tokens joined by hyphens).
    if (i + 2 < tk.size() && number_of(tk[i], 1900, 2100) && tk[i].key.size() == 4 &&
        doc.text.compare(tk[i].span.end, 1, "-") == 0 &&
        tk[i + 1].span.begin == tk[i].span.end + 1 &&
        tk[i + 2].span.begin == tk[i + 1].span.end + 1) {
      int m = number_of(tk[i + 1], 1, 12), d = number_of(tk[i + 2], 1, 31);
      if (m && d && d <= days_in_month(number_of(tk[i], 1900, 2100), m)) {
        out.push_back({i, i + 2, number_of(tk[i], 1900, 2100), m, d});
        i += 2;
        continue;
      }
    }
    int m = month_at(lemmas, i);
    if (!m || tk[i].is_number) continue;
    DateHit h{i, i, 0, m, 0};
    // Day before the month: "6 listopada", "6. November", "ششم نومبر".
    if (i > 0 && tk[i - 1].sentence == tk[i].sentence) {
      int d = number_of(tk[i - 1], 1, 31);
      if (!d) d = ordinal_of(tk[i - 1].key);
      if (d) {
        h.day = d;
        h.first = i - 1;
      }
    }
    // Day after the month: "November 6".
    if (!h.day && i + 1 < tk.size() && !tk[i + 1].gap_before) {
      if (int d = number_of(tk[i + 1], 1, 31); d && tk[i + 1].key.size() <= 2) {
        h.day = d;
        h.last = i + 1;
      }
    }
    // Year after: "6 listopada 2025", "November 6, 2025".
    if (h.last + 1 < tk.size() && tk[h.last + 1].sentence == tk[i].sentence) {
      if (int y = number_of(tk[h.last + 1], 1900, 2100); y && tk[h.last + 1].key.size() == 4) {
        h.year = y;
        h.last += 1;
      }
    }
    // A bare month name ("may", "mart") is too ambiguous without a day; a
    // day the month does not have ("31 listopada", "29 Feb 2025") is no date.
    if (!h.day || h.day > days_in_month(h.year, h.month)) continue;
    out.push_back(h);
    i = h.last;
  }
  return out;
}

std::string resolve_weekday(const std::string& ref, int wd) {
  int y, m, d;
  if (wd < 1 || wd > 7 || std::sscanf(ref.c_str(), "%d-%d-%d", &y, &m, &d) != 3) return {};
  std::tm t{};
  t.tm_year = y - 1900;
  t.tm_mon = m - 1;
  t.tm_mday = d;
  t.tm_hour = 12;
  std::time_t tt = timegm(&t);
  std::tm g{};
  gmtime_r(&tt, &g);
  int ref_wd = g.tm_wday == 0 ? 7 : g.tm_wday;
  int back = (ref_wd - wd + 7) % 7;
  tt -= static_cast<std::time_t>(back) * 86400;
  gmtime_r(&tt, &g);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", g.tm_year + 1900, g.tm_mon + 1, g.tm_mday);
  return buf;
}

}  // namespace nkg
