// Name keys for matching one entity's names across scripts and
// transliterations. ICU "Any-Latin; Latin-ASCII" brings every script to ASCII;
// the skeleton then drops what transliterations disagree on:
//   lower case; sch/sh/sz/ch/cz/zh/kh -> s,s,s,k,c,s,k; j->y; w->v; ph->f;
//   c,q->k; x->ks; z->s; h dropped; vowels (a e i o u y) dropped; runs of one
//   letter collapsed.
// "Tokajew", "Tokajev", "Tokayev" -> "tkv"; "Mirzijojew", "Mirziyoyev" -> "mrsv".
// The weak skeleton also drops v, for names written in Arabic script, where
// و is either a vowel or v ("التاوس" / "Althaus" -> "lts").
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace nkg {

std::string to_ascii(std::string_view name);
// to_ascii by ICU's transliterator always, without the ASCII shortcut (for
// tests that the shortcut gives the same).
std::string to_ascii_icu(std::string_view name);
// One skeleton per word of the name.
std::vector<std::string> skeleton_words(std::string_view name, bool weak);
// Both kinds at once, from one transliteration.
struct Skeletons {
  std::vector<std::string> strong, weak;
};
Skeletons skeletons(std::string_view name);
// True when the name contains letters of a script other than Latin.
bool non_latin(std::string_view name);

}  // namespace nkg
