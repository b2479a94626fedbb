// Terms in canonical N-Triples form, and IRI references resolved by
// RFC 3986: the pieces of a snapshot line.
#pragma once
#include <string>
#include <string_view>

namespace nkg::diff {

// Appends <iri>, with \u00XX for the bytes IRIREF forbids (controls, space,
// <>"{}|^`\), so that a line never holds a raw space inside an IRI.
void append_iri(std::string& out, std::string_view iri);

// Appends "value" with ECHAR for \b \t \n \f \r \" \\ and \u00XX for the
// other control characters, then @lang (lowered: tags compare without case)
// or ^^<datatype> (none for xsd:string, the type of a simple literal).
void append_literal(std::string& out, std::string_view value, std::string_view datatype,
                    std::string_view lang);

// True when `iri` starts with a scheme: ALPHA *(ALPHA / DIGIT / + - .) ":".
bool has_scheme(std::string_view iri);

// A relative `ref` resolved against the absolute `base` by RFC 3986
// section 5.2, removing "." and ".." segments (which Serd 0.30 keeps).
// An absolute `ref` is returned as written: data is not normalised.
std::string resolve_iri(std::string_view base, std::string_view ref);

// True when `utf8` holds a UTF-16 surrogate encoded as UTF-8 (ED A0..BF),
// which Serd 0.30 makes of escapes such as \uD800.
bool has_surrogate(std::string_view utf8);

// `text` with control characters as \xHH, for file names in messages.
std::string escape_controls(std::string_view text);

}  // namespace nkg::diff
