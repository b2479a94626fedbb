// Partial files (`newskg export --partial`, read by `newskg merge`): the
// analysed articles of one shard, serialised with everything the corpus
// stages (resolve_entities, merge_agreements, build_graph,
// add_void_description) read, so that merging the shards gives the bytes of
// a single export.
//
// Layout (integers little-endian):
//   magic    8 bytes  89 'N' 'K' 'G' 'P' 0D 0A 1A
//   version  u32      kPartialVersion; any other version is refused
//   length   u64      bytes of the payload that follows
//   checksum u64      partial_checksum() of the payload
//   payload:
//     settings str, data_digest str, shard u32, shards u32, attempted u64,
//     skipped  u32 count, then (file str, reason str) each,
//     articles u32 count, then each Document (see doc_codec.cc).
// A str is a u32 byte count and the bytes.
//
// Carried per article: path, id, text, lang, lang_reliable, title, issued,
// sha256, sentences, mentions, roles, agreements. Not carried: tokens and
// title cues, which only the per-article stages use (Mention::first_token and
// last_token are kept but index no tokens after decoding).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/error.h"

namespace nkg {

constexpr uint32_t kPartialVersion = 1;

struct Partial {
  std::string settings;     // analysis options that change the result (language, decoding)
  std::string data_digest;  // digest of the language data the articles were analysed with
  uint32_t shard = 1;       // K of --shard K/N (1-based)
  uint32_t shards = 1;      // N
  uint64_t attempted = 0;   // inputs of this shard, read or not
  std::vector<Error> skipped;
  std::vector<Document> docs;
};

// Serialises `p` (header included).
std::string encode_partial(const Partial& p);

// Parses a partial file's bytes; on failure returns false with the reason in
// *reason (not a partial file, unsupported version, truncated, checksum
// mismatch, or a structural error with its byte offset). Every span and
// index of a decoded Document is checked against its text and sentences.
bool decode_partial(std::string_view bytes, Partial* out, std::string* reason);

// One Document in the layout of a partial file's articles (no header, no
// checksum): how the export keeps analysed articles on disk.
void encode_document(const Document& d, std::string* out);
bool decode_document(std::string_view bytes, Document* out, std::string* reason);

// 64-bit checksum of the payload (not cryptographic: it catches damage).
uint64_t partial_checksum(std::string_view data);

// Digest of every regular file under `dir` (relative names and contents, in
// name order), so a merge can tell it uses the data the shards used.
bool data_digest(const std::string& dir, std::string* out, std::string* err);

}  // namespace nkg
