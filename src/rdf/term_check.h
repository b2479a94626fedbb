// Validation of terms before Serd writes them (BAD-INPUTS cases 16-22).
#pragma once
#include <string>
#include <string_view>

namespace nkg::rdf {

// True when `iri` is an absolute IRI (RFC 3987) that Turtle can hold in <...>:
// a scheme, no space, no <>"{}|^`\ and no control characters.
bool is_valid_iri(std::string_view iri, std::string* why = nullptr);

// Turns any name into one percent-encoded IRI path segment: NFC, bidi and
// other format controls (U+200B-U+200F, U+202A-U+202E, U+2066-U+2069, U+061C,
// U+FEFF, U+00AD) dropped, then every byte outside the IRI "iunreserved"
// set percent-encoded, "." and ".." and "%" encoded so that no segment can
// climb or double-decode. Never returns an empty string ("_" instead).
std::string iri_segment(std::string_view name);

// Normalises a language tag: "fa_IR" -> "fa-IR", lower-cased primary subtag.
// Returns false for empty or malformed tags (BCP 47 syntax).
bool normalize_lang_tag(std::string_view tag, std::string* out);

// True when `lexical` is a valid lexical form of XSD `datatype` (full IRI).
// Checked: xsd:integer, xsd:decimal, xsd:double, xsd:boolean, xsd:date,
// xsd:dateTime, xsd:nonNegativeInteger, xsd:gYear; xsd:string always; others
// must be valid UTF-8 without NUL.
bool is_valid_lexical(std::string_view lexical, std::string_view datatype);

// True when `s` is valid UTF-8 with no surrogates and no NUL.
bool is_valid_utf8(std::string_view s);

}  // namespace nkg::rdf
