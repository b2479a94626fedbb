#include "core/doc_codec.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/sha256.h"
#include "text/decode.h"

namespace nkg {
namespace {

constexpr unsigned char kMagic[8] = {0x89, 'N', 'K', 'G', 'P', 0x0D, 0x0A, 0x1A};
constexpr size_t kHeader = 8 + 4 + 8 + 8;
constexpr uint32_t kEntityTypes = static_cast<uint32_t>(EntityType::Event) + 1;

class Writer {
 public:
  explicit Writer(std::string* out) : out_(*out) {}
  void u8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(uint32_t v) {
    char b[4];
    for (int i = 0; i < 4; ++i) b[i] = static_cast<char>(v >> (8 * i));
    out_.append(b, 4);
  }
  void u64(uint64_t v) {
    char b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<char>(v >> (8 * i));
    out_.append(b, 8);
  }
  void str(std::string_view s) {
    u32(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  void strs(const std::vector<std::string>& v) {
    u32(static_cast<uint32_t>(v.size()));
    for (const auto& s : v) str(s);
  }
  void span(Span s) {
    u32(s.begin);
    u32(s.end);
  }

 private:
  std::string& out_;
};

class Reader {
 public:
  Reader(std::string_view data, size_t base) : d_(data), base_(base) {}
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  void fail(const std::string& what) {
    if (error_.empty()) error_ = what + " at byte " + std::to_string(base_ + pos_);
  }
  bool need(size_t n) {
    if (!ok()) return false;
    if (d_.size() - pos_ < n) {
      fail("truncated record");
      return false;
    }
    return true;
  }
  uint8_t u8() { return need(1) ? static_cast<uint8_t>(d_[pos_++]) : 0; }
  uint32_t u32() {
    if (!need(4)) return 0;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= uint32_t(static_cast<unsigned char>(d_[pos_ + i])) << (8 * i);
    pos_ += 4;
    return v;
  }
  uint64_t u64() {
    if (!need(8)) return 0;
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= uint64_t(static_cast<unsigned char>(d_[pos_ + i])) << (8 * i);
    pos_ += 8;
    return v;
  }
  std::string str() {
    uint32_t n = u32();
    if (!need(n)) return {};
    std::string s(d_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  // A count of items each at least `min_bytes` long: a damaged count cannot
  // make the reader allocate more than the file could hold.
  uint32_t count(size_t min_bytes) {
    uint32_t n = u32();
    if (ok() && n > (d_.size() - pos_) / std::max<size_t>(1, min_bytes)) {
      fail("count " + std::to_string(n) + " larger than the rest of the file");
      return 0;
    }
    return n;
  }
  std::vector<std::string> strs() {
    std::vector<std::string> v(count(4));
    for (auto& s : v) s = str();
    return v;
  }
  Span span() {
    Span s;
    s.begin = u32();
    s.end = u32();
    return s;
  }
  bool at_end() const { return pos_ == d_.size(); }

 private:
  std::string_view d_;
  size_t base_;
  size_t pos_ = 0;
  std::string error_;
};

void put_doc(Writer& w, const Document& d) {
  w.str(d.path);
  w.str(d.id);
  w.str(d.text);
  w.str(d.lang);
  w.u8(d.lang_reliable ? 1 : 0);
  w.str(d.title);
  w.str(d.issued);
  w.str(d.sha256);
  w.u32(static_cast<uint32_t>(d.sentences.size()));
  for (Span s : d.sentences) w.span(s);
  w.u32(static_cast<uint32_t>(d.mentions.size()));
  for (const auto& m : d.mentions) {
    w.span(m.span);
    w.str(m.entity);
    w.u8(static_cast<uint8_t>(m.type));
    w.str(m.lemma);
    w.u32(m.first_token);
    w.u32(m.last_token);
  }
  w.u32(static_cast<uint32_t>(d.roles.size()));
  for (const auto& r : d.roles) {
    w.str(r.person);
    w.str(r.organization);
    w.str(r.post);
    w.str(r.title);
    w.u32(r.sentence);
  }
  w.u32(static_cast<uint32_t>(d.agreements.size()));
  for (const auto& a : d.agreements) {
    w.str(a.kind);
    w.str(a.status);
    w.strs(a.parties);
    w.strs(a.signatories);
    w.u32(static_cast<uint32_t>(a.values.size()));
    for (const auto& v : a.values) {
      w.str(v.value);
      w.str(v.currency);
      w.u8(static_cast<uint8_t>((v.up_to ? 1 : 0) | (v.approximate ? 2 : 0)));
    }
    w.u32(static_cast<uint32_t>(a.stakes.size()));
    for (const auto& s : a.stakes) {
      w.str(s.holder);
      w.str(s.share);
    }
    w.str(a.quantity);
    w.str(a.item);
    w.str(a.date);
    w.strs(a.subjects);
    w.u32(static_cast<uint32_t>(a.sentences.size()));
    for (uint32_t s : a.sentences) w.u32(s);
  }
}

bool on_boundary(const std::string& text, uint32_t b) {
  return b == text.size() || (static_cast<unsigned char>(text[b]) & 0xC0) != 0x80;
}

// The corpus stages index sentences and slice the text without checks; a
// partial file that passes the checksum is still checked here.
bool check_span(Reader& r, const Document& d, Span s, const char* what) {
  if (s.begin > s.end || s.end > d.text.size() || !on_boundary(d.text, s.begin) ||
      !on_boundary(d.text, s.end)) {
    r.fail(std::string("article '") + d.id + "': " + what + " span " + std::to_string(s.begin) +
           "-" + std::to_string(s.end) + " outside its text or inside a character");
    return false;
  }
  return true;
}

bool check_sentence(Reader& r, const Document& d, uint32_t s) {
  if (s >= d.sentences.size()) {
    r.fail("article '" + d.id + "': sentence index " + std::to_string(s) + " out of range");
    return false;
  }
  return true;
}

bool get_doc(Reader& r, Document* out) {
  Document& d = *out;
  d.path = r.str();
  d.id = r.str();
  d.text = r.str();
  d.lang = r.str();
  uint8_t reliable = r.u8();
  if (reliable > 1) r.fail("bad flag");
  d.lang_reliable = reliable == 1;
  d.title = r.str();
  d.issued = r.str();
  d.sha256 = r.str();
  if (!r.ok()) return false;
  if (d.text.size() > 0x7FFFFFFF) r.fail("article text over 2 GiB");
  if (find_invalid_utf8(d.text) != std::string::npos)
    r.fail("article '" + d.id + "': text is not valid UTF-8");
  d.sentences.resize(r.count(8));
  for (auto& s : d.sentences) {
    s = r.span();
    if (!r.ok() || !check_span(r, d, s, "sentence")) return false;
  }
  d.mentions.resize(r.count(8 + 4 + 1 + 4 + 8));
  for (auto& m : d.mentions) {
    m.span = r.span();
    m.entity = r.str();
    uint8_t t = r.u8();
    if (t >= kEntityTypes) r.fail("bad entity type " + std::to_string(t));
    m.type = static_cast<EntityType>(t);
    m.lemma = r.str();
    m.first_token = r.u32();
    m.last_token = r.u32();
    if (!r.ok() || !check_span(r, d, m.span, "mention")) return false;
  }
  d.roles.resize(r.count(4 * 4 + 4));
  for (auto& ro : d.roles) {
    ro.person = r.str();
    ro.organization = r.str();
    ro.post = r.str();
    ro.title = r.str();
    ro.sentence = r.u32();
    if (!r.ok() || !check_sentence(r, d, ro.sentence)) return false;
  }
  d.agreements.resize(r.count(4 * 12));
  for (auto& a : d.agreements) {
    a.kind = r.str();
    a.status = r.str();
    a.parties = r.strs();
    a.signatories = r.strs();
    a.values.resize(r.count(4 + 4 + 1));
    for (auto& v : a.values) {
      v.value = r.str();
      v.currency = r.str();
      uint8_t f = r.u8();
      if (f > 3) r.fail("bad flag");
      v.up_to = f & 1;
      v.approximate = f & 2;
    }
    a.stakes.resize(r.count(8));
    for (auto& s : a.stakes) {
      s.holder = r.str();
      s.share = r.str();
    }
    a.quantity = r.str();
    a.item = r.str();
    a.date = r.str();
    a.subjects = r.strs();
    a.sentences.resize(r.count(4));
    for (auto& s : a.sentences) {
      s = r.u32();
      if (!r.ok() || !check_sentence(r, d, s)) return false;
    }
    if (!r.ok()) return false;
  }
  return r.ok();
}

uint64_t load64(const unsigned char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= uint64_t(p[i]) << (8 * i);
  return v;
}

uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

}  // namespace

uint64_t partial_checksum(std::string_view data) {
  // Four independent multiply-rotate lanes over 32-byte blocks, then the
  // tail, then a final avalanche (in the style of xxHash64).
  constexpr uint64_t P1 = 0x9E3779B185EBCA87ull, P2 = 0xC2B2AE3D27D4EB4Full,
                     P3 = 0x165667B19E3779F9ull;
  auto p = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size(), i = 0;
  uint64_t lane[4] = {P1 + P2, P2, 0, 0 - P1};
  for (; i + 32 <= n; i += 32)
    for (int k = 0; k < 4; ++k) lane[k] = rotl(lane[k] + load64(p + i + 8 * k) * P2, 31) * P1;
  uint64_t h = rotl(lane[0], 1) + rotl(lane[1], 7) + rotl(lane[2], 12) + rotl(lane[3], 18);
  h += n;
  for (; i + 8 <= n; i += 8) h = rotl(h ^ (rotl(load64(p + i) * P2, 31) * P1), 27) * P1 + P3;
  for (; i < n; ++i) h = rotl(h ^ (p[i] * P3), 11) * P1;
  h ^= h >> 33;
  h *= P2;
  h ^= h >> 29;
  h *= P3;
  h ^= h >> 32;
  return h;
}

void encode_document(const Document& d, std::string* out) {
  Writer w(out);
  put_doc(w, d);
}

bool decode_document(std::string_view bytes, Document* out, std::string* reason) {
  Reader r(bytes, 0);
  if (!get_doc(r, out) || !r.at_end()) {
    if (r.ok()) r.fail("unexpected data");
    *reason = "corrupt temporary article: " + r.error();
    return false;
  }
  return true;
}

std::string encode_partial(const Partial& p) {
  std::string out;
  size_t estimate = kHeader + 4096;
  for (const auto& d : p.docs) estimate += d.text.size() * 2 + 512;
  out.reserve(estimate);
  out.append(kHeader, '\0');
  Writer w(&out);
  w.str(p.settings);
  w.str(p.data_digest);
  w.u32(p.shard);
  w.u32(p.shards);
  w.u64(p.attempted);
  w.u32(static_cast<uint32_t>(p.skipped.size()));
  for (const auto& e : p.skipped) {
    w.str(e.file);
    w.str(e.reason);
  }
  w.u32(static_cast<uint32_t>(p.docs.size()));
  for (const auto& d : p.docs) put_doc(w, d);

  std::string header;
  Writer h(&header);
  header.append(reinterpret_cast<const char*>(kMagic), sizeof kMagic);
  h.u32(kPartialVersion);
  std::string_view payload = std::string_view(out).substr(kHeader);
  h.u64(payload.size());
  h.u64(partial_checksum(payload));
  std::memcpy(out.data(), header.data(), kHeader);
  return out;
}

bool decode_partial(std::string_view bytes, Partial* out, std::string* reason) {
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    *reason = "not a newskg partial file (made by 'newskg export --partial')";
    return false;
  }
  if (bytes.size() < kHeader) {
    *reason = "truncated header (" + std::to_string(bytes.size()) + " bytes)";
    return false;
  }
  Reader h(bytes.substr(sizeof kMagic, kHeader - sizeof kMagic), sizeof kMagic);
  uint32_t version = h.u32();
  if (version != kPartialVersion) {
    *reason = "partial file format version " + std::to_string(version) +
              ", this newskg reads version " + std::to_string(kPartialVersion) +
              " (export the shard again with this newskg)";
    return false;
  }
  uint64_t length = h.u64();
  uint64_t checksum = h.u64();
  std::string_view payload = bytes.substr(kHeader);
  if (payload.size() != length) {
    *reason = payload.size() < length ? "truncated: " + std::to_string(payload.size()) +
                                            " payload bytes of " + std::to_string(length)
                                      : "trailing bytes after the payload (" +
                                            std::to_string(payload.size() - length) + ")";
    return false;
  }
  if (partial_checksum(payload) != checksum) {
    *reason = "checksum mismatch: the file is damaged";
    return false;
  }
  Reader r(payload, kHeader);
  Partial p;
  p.settings = r.str();
  p.data_digest = r.str();
  p.shard = r.u32();
  p.shards = r.u32();
  p.attempted = r.u64();
  if (r.ok() && (p.shards == 0 || p.shard == 0 || p.shard > p.shards))
    r.fail("bad shard " + std::to_string(p.shard) + "/" + std::to_string(p.shards));
  p.skipped.resize(r.count(8));
  for (auto& e : p.skipped) {
    e.file = r.str();
    e.reason = r.str();
  }
  p.docs.resize(r.count(64));
  for (auto& d : p.docs)
    if (!get_doc(r, &d)) break;
  if (r.ok() && !r.at_end()) r.fail("unexpected data");
  if (!r.ok()) {
    *reason = "corrupt: " + r.error();
    return false;
  }
  *out = std::move(p);
  return true;
}

bool data_digest(const std::string& dir, std::string* out, std::string* err) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, fs::path>> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code ec2;
    if (!it->is_regular_file(ec2) || ec2) continue;
    files.push_back({fs::relative(it->path(), dir, ec2).generic_string(), it->path()});
  }
  if (ec) {
    *err = "cannot read data directory " + Error::quote_path(dir) + ": " + ec.message();
    return false;
  }
  std::sort(files.begin(), files.end());
  std::string all;
  for (const auto& [name, path] : files) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    if (!f) {
      *err = "cannot read " + Error::quote_path(path.string());
      return false;
    }
    std::string body = s.str();
    all += name;
    all += '\0';
    all += std::to_string(body.size());
    all += '\0';
    all += body;
  }
  *out = sha256_hex(all);
  return true;
}

}  // namespace nkg
