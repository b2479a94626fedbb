// The Document that flows through the pipeline. Every span is a byte offset
// pair into `text`, the article as read (UTF-8, BOM dropped, nothing else
// changed); code-point offsets are computed only at the RDF boundary.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace nkg {

struct Span {
  uint32_t begin = 0;  // byte offset into Document::text
  uint32_t end = 0;    // exclusive
  bool empty() const { return end <= begin; }
};

// A word as ICU's word break iterator sees it, with its match key.
struct Token {
  Span span;
  std::string_view key;     // normalised match key (normalize.h), in Document::key_store
  uint32_t key_id = 0;      // number of `key` among the keys of Document::key_serial; 0: none
  uint32_t sentence = 0;    // index into Document::sentences
  bool gap_before = false;  // punctuation other than space/hyphen/apostrophe before it
  bool is_number = false;   // all digits (any script) with optional separators
  bool upper = false;       // first letter upper-case in the original text
};

enum class EntityType { Person, State, Firm, Place, Region, Body, Treaty, Event };
const char* entity_type_name(EntityType t);

// One occurrence of an entity in the text.
struct Mention {
  Span span;           // the surface, e.g. "Kazachstanu" or "Xi Jinpingom"
  std::string entity;  // resolver key, e.g. "state:KZ", "gaz:donald-trump", "name:person:..."
  EntityType type = EntityType::State;
  std::string lemma;  // base form when known ("Kazachstan", "Xi Jinping")
  uint32_t first_token = 0;
  uint32_t last_token = 0;  // inclusive
};

// A post or title named in the text ("prezydent", "Cove-CEO" -> ceo).
struct TitleCue {
  uint32_t first = 0, last = 0;  // token indexes, inclusive
  std::string post;              // language-neutral post id
};

// Person holds a post of a state or firm, as one sentence states it.
struct Role {
  std::string person;  // mention entity keys
  std::string organization;
  std::string post;   // post id from the title cue
  std::string title;  // the title as written
  uint32_t sentence = 0;
};

// An agreement as one article reports it (merged across articles later).
struct AgreementRecord {
  std::string kind;    // joint_venture, purchase, investment, treaty_accession, memorandum,
                       // contract, trade_deal, treaty, other
  std::string status;  // signed, agreed, announced, planned; empty when the text says none
  std::vector<std::string> parties;      // mention entity keys, in text order
  std::vector<std::string> signatories;  // person entity keys
  struct Money {
    std::string value, currency;
    bool up_to = false, approximate = false;
  };
  std::vector<Money> values;
  struct Stake {
    std::string holder, share;
  };
  std::vector<Stake> stakes;
  std::string quantity, item;
  std::string date;                   // xsd:date
  std::vector<std::string> subjects;  // concept ids
  std::vector<uint32_t> sentences;    // evidence
};

struct Document {
  std::string path;  // as given on the command line
  std::string id;    // base name, e.g. "pl-01-airline.txt"
  std::string text;  // UTF-8, BOM dropped
  std::string lang;  // BCP 47 primary tag, "und" when unknown
  bool lang_reliable = false;
  std::string title;   // evident title line, empty if none
  std::string issued;  // xsd:date "YYYY-MM-DD" stated in the text, empty if none
  std::string sha256;  // hex digest of the bytes as read (before BOM removal)

  std::vector<Span> sentences;
  std::vector<Token> tokens;
  // The numbering of Token::key_id (segment.h): equal serials, equal keys
  // behind equal ids, whichever thread segmented. 0: tokens carry no ids.
  uint64_t key_serial = 0;
  // Where the tokens' keys live: shared by the documents a thread segments
  // under one numbering, alive while any of them is.
  std::shared_ptr<const void> key_store;
  std::vector<Mention> mentions;  // kept sorted by position
  std::vector<TitleCue> titles;
  std::vector<Role> roles;
  std::vector<AgreementRecord> agreements;

  std::string_view slice(Span s) const {
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
  // Code-point index of byte offset `b` (which must be on a character boundary).
  uint32_t code_point_offset(uint32_t b) const;

 private:
  mutable std::vector<uint32_t> cp_checkpoints_;  // code points before every 256th byte
};

}  // namespace nkg
