#include "diff/diff.h"

#include <algorithm>
#include <future>
#include <iterator>
#include <map>
#include <ostream>
#include <utility>

#include "rdf/vocab.h"

namespace nkg::diff {
namespace {

std::string iri_term(const std::string& iri) { return "<" + iri + ">"; }

const std::string& type_term() {
  static const std::string t = iri_term(vocab::RDF_TYPE);
  return t;
}

// The predicates whose objects are the articles behind a subject.
const std::vector<std::string>& article_terms() {
  static const std::vector<std::string> t = {iri_term(vocab::PROV + "wasDerivedFrom"),
                                             iri_term(vocab::NIF + "referenceContext")};
  return t;
}

const std::string& identifier_term() {
  static const std::string t = iri_term(vocab::DCT + "identifier");
  return t;
}

void add_unique(std::vector<std::string>* to, const std::vector<std::string_view>& from) {
  for (std::string_view v : from) {
    if (std::find(to->begin(), to->end(), v) == to->end()) to->emplace_back(v);
  }
}

// A Turtle PN_LOCAL, ASCII only: the summary shows prefixed names only
// where they would be valid Turtle, otherwise the full <IRI>.
bool local_name_ok(std::string_view local) {
  auto name_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
  };
  if (local.empty() || local[0] == '-' || local[0] == '.' || local.back() == '.') return false;
  return std::all_of(local.begin(), local.end(), name_char);
}

std::string count(size_t n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

void write_line(std::ostream& out, std::string_view sign, std::string_view line) {
  out << sign;
  out.write(line.data(), static_cast<std::streamsize>(line.size()));
  out << " .\n";
}

// By SubjectStatus.
constexpr const char* kStatusWords[] = {"appeared", "vanished", "changed"};

}  // namespace

Changes compare(const Snapshot& old_snap, const Snapshot& new_snap) {
  Changes c;
  const auto& a = old_snap.lines();
  const auto& b = new_snap.lines();
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(c.removed));
  std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(c.added));
  return c;
}

std::vector<SubjectChange> summarize(const Snapshot& old_snap, const Snapshot& new_snap,
                                     const Changes& changes) {
  // Both lists are sorted, so each subject's lines are one run in each.
  std::map<std::string_view, SubjectChange> by_subject;
  std::map<std::string_view, std::map<std::string_view, PredicateChange>> predicates;
  for (int side = 0; side < 2; ++side) {
    for (std::string_view line : side == 0 ? changes.removed : changes.added) {
      const LineParts parts = split_line(line);
      SubjectChange& sc = by_subject[parts.s];
      PredicateChange& pc = predicates[parts.s][parts.p];
      ++(side == 0 ? sc.removed : sc.added);
      ++(side == 0 ? pc.removed : pc.added);
    }
  }

  std::vector<SubjectChange> out;
  out.reserve(by_subject.size());
  for (auto& [subject, sc] : by_subject) {
    sc.subject = std::string(subject);
    const bool in_old = !old_snap.about(subject).empty();
    const bool in_new = !new_snap.about(subject).empty();
    sc.status = !in_old   ? SubjectStatus::Appeared
                : !in_new ? SubjectStatus::Vanished
                          : SubjectStatus::Changed;
    std::vector<std::string> articles;
    for (const Snapshot* snap : {&new_snap, &old_snap}) {
      add_unique(&sc.types, snap->objects(subject, type_term()));
      for (const std::string& pred : article_terms()) {
        add_unique(&articles, snap->objects(subject, pred));
      }
    }
    std::sort(sc.types.begin(), sc.types.end());
    std::sort(articles.begin(), articles.end());
    for (std::string& iri : articles) {
      Article article{iri, {}};
      for (const Snapshot* snap : {&new_snap, &old_snap}) {
        const auto ids = snap->objects(iri, identifier_term());
        if (!ids.empty() && article.label.empty()) article.label = std::string(ids.front());
      }
      sc.articles.push_back(std::move(article));
    }
    if (sc.status == SubjectStatus::Changed) {
      for (auto& [pred, pc] : predicates[subject]) {
        pc.predicate = std::string(pred);
        sc.predicates.push_back(pc);
      }
    }
    out.push_back(std::move(sc));
  }
  return out;
}

bool parse_output_format(std::string_view name, OutputFormat* out) {
  if (name == "diff") {
    *out = OutputFormat::Diff;
  } else if (name == "patch") {
    *out = OutputFormat::Patch;
  } else {
    return false;
  }
  return true;
}

void write_changes(const Changes& changes, OutputFormat format, std::ostream& out) {
  if (changes.empty()) return;
  if (format == OutputFormat::Patch) {
    out << "TX .\n";
    for (std::string_view line : changes.removed) write_line(out, "D ", line);
    for (std::string_view line : changes.added) write_line(out, "A ", line);
    out << "TC .\n";
    return;
  }
  auto r = changes.removed.begin();
  auto a = changes.added.begin();
  while (r != changes.removed.end() || a != changes.added.end()) {
    if (a == changes.added.end() || (r != changes.removed.end() && *r < *a)) {
      write_line(out, "- ", *r++);
    } else {
      write_line(out, "+ ", *a++);
    }
  }
}

std::string compact(std::string_view term) {
  if (term.size() < 2 || term.front() != '<' || term.back() != '>') return std::string(term);
  const std::string_view iri = term.substr(1, term.size() - 2);
  for (const auto& prefix : vocab::kPrefixes) {
    const std::string& ns = *prefix.iri;
    if (iri.size() > ns.size() && iri.substr(0, ns.size()) == ns &&
        local_name_ok(iri.substr(ns.size()))) {
      return std::string(prefix.name) + ":" + std::string(iri.substr(ns.size()));
    }
  }
  return std::string(term);
}

void write_summary(const std::vector<SubjectChange>& subjects, const Changes& changes,
                   std::ostream& out) {
  size_t counts[3] = {0, 0, 0};
  for (const SubjectChange& sc : subjects) ++counts[static_cast<int>(sc.status)];
  out << "# " << count(subjects.size(), "subject") << " changed: " << counts[0] << " appeared, "
      << counts[1] << " vanished, " << counts[2] << " changed ("
      << count(changes.removed.size(), "triple") << " removed, " << changes.added.size()
      << " added)\n";
  for (const SubjectChange& sc : subjects) {
    out << "# " << kStatusWords[static_cast<int>(sc.status)] << ' ' << compact(sc.subject);
    for (size_t i = 0; i < sc.types.size(); ++i) {
      out << (i == 0 ? " a " : ", ") << compact(sc.types[i]);
    }
    if (sc.status == SubjectStatus::Changed) {
      out << "\n#   predicates:";
      for (size_t i = 0; i < sc.predicates.size(); ++i) {
        const PredicateChange& pc = sc.predicates[i];
        out << (i == 0 ? " " : ", ") << compact(pc.predicate);
        if (pc.removed) out << " -" << pc.removed;
        if (pc.added) out << " +" << pc.added;
      }
    } else {
      const size_t n = sc.status == SubjectStatus::Appeared ? sc.added : sc.removed;
      out << " (" << count(n, "triple") << ")";
    }
    out << '\n';
    if (!sc.articles.empty()) {
      out << "#   articles:";
      for (size_t i = 0; i < sc.articles.size(); ++i) {
        out << (i == 0 ? " " : ", ") << compact(sc.articles[i].iri);
        if (!sc.articles[i].label.empty()) out << ' ' << sc.articles[i].label;
      }
      out << '\n';
    }
  }
}

int run_diff(const DiffOptions& options, std::ostream& out, std::ostream& err) {
  Snapshot old_snap, new_snap;
  ReadError old_err, new_err;
  // Serd readers share nothing, so the two files are read at once.
  auto new_read = std::async(std::launch::async, [&] {
    return read_snapshot(options.new_path, options.read, &new_snap, &new_err);
  });
  const bool old_ok = read_snapshot(options.old_path, options.read, &old_snap, &old_err);
  const bool new_ok = new_read.get();
  if (!old_ok) err << old_err.str() << '\n';
  if (!new_ok) err << new_err.str() << '\n';
  if (!old_ok || !new_ok) return 2;

  const Changes changes = compare(old_snap, new_snap);
  if (options.lines) write_changes(changes, options.format, out);
  if (options.summary && options.format == OutputFormat::Diff && !changes.empty()) {
    if (options.lines) out << '\n';
    write_summary(summarize(old_snap, new_snap, changes), changes, out);
  }
  out.flush();
  if (!out) {
    err << "newskg diff: cannot write the output\n";
    return 2;
  }
  return changes.empty() ? 0 : 1;
}

}  // namespace nkg::diff
