// What a lookup table answered for a token's key, by Token::key_id: one load
// per token instead of hashing the key again, for a stage that asks the
// same table of every token. Keep one per thread and table (thread_local at
// the call site, or a member of a per-thread table); it starts over
// whenever the table (its serial) or the documents' key numbering
// (Document::key_serial) changes, so an answer is never read under ids it
// was not stored for.
#pragma once
#include <cstdint>
#include <vector>

namespace nkg {

template <class T>
class KeyMemo {
 public:
  // True when answers can be kept for documents numbered `key_serial`.
  bool start(uint64_t key_serial, uint64_t table_serial = 0) {
    if (key_serial == 0) return false;  // tokens without ids
    if (table_serial != table_ || key_serial != keys_) {
      answers_.clear();
      table_ = table_serial;
      keys_ = key_serial;
    }
    return true;
  }
  // The answer stored for key id `kid`, or T{} when none is.
  T get(uint32_t kid) const { return kid < answers_.size() ? answers_[kid] : T{}; }
  // `answer` must differ from T{}, which reads as none.
  void set(uint32_t kid, T answer) {
    if (kid >= answers_.size()) answers_.resize(kid + 1 + kid / 2, T{});
    answers_[kid] = answer;
  }

 private:
  std::vector<T> answers_;
  uint64_t table_ = 0, keys_ = 0;
};

}  // namespace nkg
