// HTML escaping for text that comes from the graph. Article text is
// untrusted: it may hold markup, quotes, control characters and Unicode bidi
// controls meant to reorder what the reader sees (Trojan Source), so nothing
// from the graph reaches a page except through these functions.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nkg::publish::html {

// Text content: & < > " ' as character references; ill-formed UTF-8 as
// U+FFFD; C0/C1 control characters other than tab, LF and CR, and the bidi
// embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069) as
// a visible marker element (<span class="ctl" title="U+202E">U+202E</span>),
// so that they neither act nor hide. Callers still wrap the result in an
// isolating element (bdi, or an element with dir="auto").
std::string text(std::string_view s);

// An attribute value (to be written between double quotes): the same
// escaping, with the markers as plain text "[U+202E]".
std::string attr(std::string_view s);

// True for absolute http(s) IRIs, the only ones written as links (an IRI
// such as javascript:... from a hostile graph is shown as text).
bool is_linkable(std::string_view iri);

// `tag` when it is a well-formed BCP 47 language tag (letters, digits and
// hyphens, starting with a letter), else "".
std::string lang_attr(std::string_view tag);

// Byte offset in `utf8` of each code point index 0..n (n+1 entries: the last
// is utf8.size()), so that code point spans (nif:beginIndex/endIndex) can be
// cut out of a UTF-8 string. Ill-formed bytes count as one code point each.
std::vector<size_t> code_point_offsets(std::string_view utf8);

}  // namespace nkg::publish::html
