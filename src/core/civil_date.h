#pragma once

// The proleptic Gregorian calendar of xsd:date: which days a month has.
// Shared by the date extractor (never emit a day that does not exist) and
// the writer's term check (never write one).

namespace nkg {

constexpr bool is_leap_year(long long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Days in `month` (1-12) of `year`; with year 0 (unknown), the most the month
// ever has (29 for February). 0 for a month out of range.
constexpr int days_in_month(long long year, int month) {
  constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && year != 0 && !is_leap_year(year)) return 28;
  return kDays[month - 1];
}

}  // namespace nkg
