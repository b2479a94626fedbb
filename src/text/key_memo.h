// What a lookup table answered for a token's key, by Token::key_id: one load
// per token instead of hashing the key again, for a stage that asks the
// same table of every token. Keep one per thread and table (thread_local at
// the call site); it starts over whenever the table (its serial) or the
// documents' key numbering (Document::key_serial) changes, so an answer is
// never read under ids it was not stored for.
#pragma once
#include <cstdint>
#include <vector>

namespace nkg {

class KeyMemo {
 public:
  // True when answers can be kept for documents numbered `key_serial`.
  bool start(uint64_t table_serial, uint64_t key_serial) {
    if (key_serial == 0) return false;  // tokens without ids
    if (table_serial != table_ || key_serial != keys_) {
      answers_.clear();
      table_ = table_serial;
      keys_ = key_serial;
    }
    return true;
  }
  // 1 + the stored answer for key id `kid`, or 0 when none is stored.
  uint32_t get(uint32_t kid) const { return kid < answers_.size() ? answers_[kid] : 0; }
  // `answer` below UINT32_MAX.
  void set(uint32_t kid, uint32_t answer) {
    if (kid >= answers_.size()) answers_.resize(kid + 1 + kid / 2, 0);
    answers_[kid] = answer + 1;
  }

 private:
  std::vector<uint32_t> answers_;
  uint64_t table_ = 0, keys_ = 0;
};

}  // namespace nkg
