#include "resolve/resolve_entities.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <tuple>

#include "rdf/term_check.h"
#include "rdf/vocab.h"
#include "resolve/name_key.h"

namespace nkg {

std::string entity_iri(EntityType type, const std::string& local) {
  std::string t = entity_type_name(type);
  for (auto& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return vocab::ID + t + "/" + rdf::iri_segment(local);
}

const EntityNode* Resolution::node_for(const std::string& key) const {
  auto it = node_of.find(key);
  if (it == node_of.end()) return nullptr;
  auto n = nodes.find(it->second);
  return n == nodes.end() ? nullptr : &n->second;
}

static bool is_graph_type(EntityType t) {
  return t == EntityType::Person || t == EntityType::State || t == EntityType::Firm;
}

namespace {

struct Unknown {
  std::string key;  // mention entity key, "name:person:..." (per article lemma)
  EntityType type;
  std::string name;
  std::vector<std::string> strong, weak;
  // Firm words split into distinctive and generic ("Group"), per skeleton kind.
  std::vector<std::string> distinct[2], generic[2];  // [0] strong, [1] weak
  bool script_other = false;
};

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) {
    for (size_t i = 0; i < n; ++i) parent[i] = i;
  }
  size_t find(size_t x) { return parent[x] == x ? x : parent[x] = find(parent[x]); }
  void unite(size_t a, size_t b) {
    a = find(a), b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& w : v) out += (out.empty() ? "" : " ") + w;
  return out;
}

bool subset(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& x : a)
    if (std::find(b.begin(), b.end(), x) == b.end()) return false;
  return true;
}

bool intersects(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& x : a)
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  return false;
}

// The documented similarity rule (README, "Entity resolution").
bool same_entity(const Unknown& x, const Unknown& y) {
  if (x.type != y.type) return false;
  bool weak = x.script_other || y.script_other;
  const auto& a = weak ? x.weak : x.strong;
  const auto& b = weak ? y.weak : y.strong;
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  if (x.type == EntityType::Person) {
    // Same given name and surname; middle names may differ or be missing.
    return a.size() >= 2 && b.size() >= 2 && a.front() == b.front() && a.back() == b.back();
  }
  // Firms: the shorter name's distinctive words are all in the longer one,
  // starting with the same word, and their generic words (Group, Air, Bank)
  // do not contradict each other.
  const auto& da = x.distinct[weak];
  const auto& db = y.distinct[weak];
  if (da.empty() || db.empty() || da.front() != db.front()) return false;
  bool sub = da.size() <= db.size() ? subset(da, db) : subset(db, da);
  const auto& ga = x.generic[weak];
  const auto& gb = y.generic[weak];
  bool generic_ok = ga.empty() || gb.empty() || intersects(ga, gb);
  return sub && generic_ok;
}

std::string slug(const std::string& name) {
  std::string a = to_ascii(name), out;
  for (char c : a) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out += c;
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "unnamed" : out;
}

}  // namespace

void EntityTable::add(const Document& doc, uint32_t rank) {
  for (size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& m = doc.mentions[i];
    if (!is_graph_type(m.type)) continue;
    const uint64_t seen = uint64_t(rank) << 32 | i;
    auto [it, fresh] = entries.try_emplace(m.entity);
    Entry& e = it->second;
    if (fresh || seen < e.first_seen) {
      e.type = m.type;
      e.first_lemma = m.lemma;
      e.first_seen = seen;
    }
    e.labels.emplace(doc.lang, m.lemma);
  }
}

Resolution resolve_entities(const std::vector<Document>& docs, const Knowledge& k) {
  EntityTable t;
  for (size_t d = 0; d < docs.size(); ++d) t.add(docs[d], static_cast<uint32_t>(d));
  return resolve_entities(t, k);
}

namespace {

// What resolution derives from the Knowledge alone: the generic firm words
// of every language and the gazetteer's person and firm names, as
// skeletons. Transliterating every name costs more than resolving a small
// corpus, and the result is the same for every call with one Knowledge.
struct KnownNames {
  std::set<std::string> generic, generic_weak;
  std::map<std::string, std::set<std::string>> strong, weak;
};

KnownNames build_known_names(const Knowledge& k) {
  KnownNames kn;
  for (const auto& lang : k.data().languages())
    for (const auto& w : k.cues(lang).firm_suffix.keys()) {
      const Skeletons sk = skeletons(w);
      kn.generic.insert(sk.strong.begin(), sk.strong.end());
      kn.generic_weak.insert(sk.weak.begin(), sk.weak.end());
    }
  // Names the gazetteer knows, by skeleton, so an unknown spelling links up.
  std::map<std::string, const GazetteerEntry*> by_key;
  for (const auto& g : k.data().gazetteer()) by_key["gaz:" + g.id] = &g;
  for (const auto& [key, e] : k.entities()) {
    if (e.type != EntityType::Person && e.type != EntityType::Firm) continue;
    std::vector<std::string> names{e.pref_label};
    for (const auto& [lang, l] : e.labels) names.push_back(l);
    if (auto g = by_key.find(key); g != by_key.end())
      names.insert(names.end(), g->second->aliases.begin(), g->second->aliases.end());
    for (const auto& nm : names) {
      const Skeletons sk = skeletons(nm);
      kn.strong[join(sk.strong)].insert(key);
      kn.weak[join(sk.weak)].insert(key);
    }
  }
  return kn;
}

// Built once per loaded Knowledge (by its serial) and shared by all calls.
std::shared_ptr<const KnownNames> known_names(const Knowledge& k) {
  const uint64_t serial = k.serial();
  if (serial == 0) return std::make_shared<const KnownNames>(build_known_names(k));
  static std::mutex mu;
  static uint64_t cached_serial = 0;
  static std::shared_ptr<const KnownNames> cached;
  std::lock_guard<std::mutex> lock(mu);
  if (cached_serial != serial) {
    cached = std::make_shared<const KnownNames>(build_known_names(k));
    cached_serial = serial;
  }
  return cached;
}

}  // namespace

Resolution resolve_entities(const EntityTable& table, const Knowledge& k) {
  Resolution r;
  const std::shared_ptr<const KnownNames> kn = known_names(k);
  const auto& generic = kn->generic;
  const auto& generic_weak = kn->generic_weak;
  auto make_unknown = [&](const std::string& key, EntityType t, const std::string& name) {
    Skeletons sk = skeletons(name);
    Unknown u{key, t, name, std::move(sk.strong), std::move(sk.weak), {}, {}, non_latin(name)};
    for (int w = 0; w < 2; ++w) {
      const auto& words = w ? u.weak : u.strong;
      const auto& gen = w ? generic_weak : generic;
      for (size_t i = 0; i < words.size(); ++i) {
        // Only a trailing run of generic words is generic: "Air Astana" keeps "Air".
        bool trailing_generic = t == EntityType::Firm && i > 0 && gen.count(words[i]);
        for (size_t j = i; trailing_generic && j < words.size(); ++j)
          trailing_generic = gen.count(words[j]) > 0;
        (trailing_generic ? u.generic[w] : u.distinct[w]).push_back(words[i]);
      }
    }
    return u;
  };

  const auto& known_strong = kn->strong;
  const auto& known_weak = kn->weak;

  // Unknown names in the order of their first mention: which gazetteer
  // alias a group takes below depends on it.
  std::vector<const std::pair<const std::string, EntityTable::Entry>*> fresh;
  for (const auto& kv : table.entries)
    if (!k.entity(kv.first)) fresh.push_back(&kv);
  std::sort(fresh.begin(), fresh.end(),
            [](auto* a, auto* b) { return a->second.first_seen < b->second.first_seen; });
  std::vector<Unknown> unknowns;
  std::map<std::string, size_t> unknown_index;
  for (const auto* kv : fresh) {
    unknown_index[kv->first] = unknowns.size();
    unknowns.push_back(make_unknown(kv->first, kv->second.type, kv->second.first_lemma));
  }
  std::map<std::string, std::string> alias_to_known;
  for (const auto& u : unknowns) {
    auto pick = [&](const std::map<std::string, std::set<std::string>>& idx,
                    const std::vector<std::string>& w) {
      auto it = idx.find(join(w));
      if (it == idx.end() || it->second.size() != 1) return std::string();
      const KnownEntity* e = k.entity(*it->second.begin());
      return e && e->type == u.type ? e->key : std::string();
    };
    // Short skeletons ("RIA" -> "r") would link any short word.
    size_t letters = 0;
    for (const auto& w : u.strong) letters += w.size();
    if (letters < 4) continue;
    std::string known = pick(known_strong, u.strong);
    if (known.empty() && u.script_other) known = pick(known_weak, u.weak);
    if (!known.empty()) alias_to_known[u.key] = known;
  }
  // Names that can match share their type and first word's skeleton (strong
  // or weak): compare within those buckets, not all pairs.
  UnionFind uf(unknowns.size());
  std::map<std::string, std::vector<size_t>> buckets;
  for (size_t i = 0; i < unknowns.size(); ++i) {
    const Unknown& u = unknowns[i];
    std::string t = entity_type_name(u.type);
    if (!u.strong.empty()) buckets[t + "|s|" + u.strong.front()].push_back(i);
    if (!u.weak.empty()) buckets[t + "|w|" + u.weak.front()].push_back(i);
  }
  for (const auto& [key, members] : buckets)
    for (size_t a = 0; a < members.size(); ++a)
      for (size_t b = a + 1; b < members.size(); ++b)
        if (uf.find(members[a]) != uf.find(members[b]) &&
            same_entity(unknowns[members[a]], unknowns[members[b]]))
          uf.unite(members[a], members[b]);
  // Representative name of each group: Latin script first, then most words,
  // then longest, then byte order, so the IRI does not depend on input order.
  std::map<size_t, size_t> rep;
  for (size_t i = 0; i < unknowns.size(); ++i) {
    size_t root = uf.find(i);
    auto better = [&](const Unknown& a, const Unknown& b) {
      auto ka = std::make_tuple(!a.script_other, a.strong.size(), a.name.size());
      auto kb = std::make_tuple(!b.script_other, b.strong.size(), b.name.size());
      if (ka != kb) return ka > kb;
      return a.name < b.name;
    };
    if (!rep.count(root) || better(unknowns[i], unknowns[rep[root]])) rep[root] = i;
  }
  // A group with a member the gazetteer knows becomes that entity.
  std::map<size_t, std::string> group_known;
  for (size_t i = 0; i < unknowns.size(); ++i) {
    auto it = alias_to_known.find(unknowns[i].key);
    if (it != alias_to_known.end()) group_known.emplace(uf.find(i), it->second);
  }

  for (const auto& [entity, entry] : table.entries) {
    std::string key = entity;
    auto ui = unknown_index.find(key);
    if (ui != unknown_index.end()) {
      auto gk = group_known.find(uf.find(ui->second));
      if (gk != group_known.end()) key = gk->second;
    }
    const KnownEntity* known = k.entity(key);
    std::string iri;
    if (known) {
      iri = known->type == EntityType::State
                ? entity_iri(EntityType::State, known->iso)
                : entity_iri(known->type, key.substr(key.find(':') + 1));
    } else {
      const Unknown& rp = unknowns[rep[uf.find(ui->second)]];
      iri = entity_iri(entry.type, slug(rp.name));
    }
    r.node_of[entity] = iri;
    EntityNode& n = r.nodes[iri];
    if (n.iri.empty()) {
      n.iri = iri;
      n.type = known ? known->type : entry.type;
      n.pref_label = known ? known->pref_label : unknowns[rep[uf.find(ui->second)]].name;
      if (known) {
        n.qid = known->qid;
        n.iso = known->iso;
      }
    }
    for (const auto& [lang, lemma] : entry.labels) {
      if (known) {
        auto it = known->labels.find(lang);
        n.labels[lang].insert(it != known->labels.end() ? it->second : known->pref_label);
        if (ui != unknown_index.end()) n.labels[lang].insert(lemma);
      } else {
        n.labels[lang].insert(lemma);
      }
    }
  }
  return r;
}

}  // namespace nkg
