// text_index_bench: inverting the free text of generated grants into text
// segments of our own (index/text_segment_writer.h) against Xapian adding
// the same terms with the same positions, side by side on the same records
// in the same process (issue 13: "an index writer of our own").
//
// The records are generated USPTO grants read by the USPTO reader, held in
// memory; both builds get exactly the free text BuildDocument indexes
// positionally (ForEachFreeText: title, abstract, claims, description when
// asked, applicant and inventor names), through the same analyser
// (text_analysis.h). Three measured parts, each on the calling thread:
//   analysis   ForEachIndexTerm alone (the terms counted, nothing kept):
//              the floor under both builds
//   xapian     IndexText into a Xapian::Document, replace_document into a
//              glass database on disk, one commit at the end (the flush
//              threshold patnav's rebuild uses: no flush before it)
//   ours       ForEachIndexTerm into a TextSegmentWriter, a segment written
//              (and fsynced) whenever the writer holds --segment-mb, and at
//              the end; several segments are then merged into one
//              (MergeSegments, timed on its own row)
//   lucene     (with --lucene CLASSPATH) Lucene 8's LuceneBench index over
//              the same records' title, abstract, claims (and description),
//              its own timing: writer open to the end of forceMerge(1), the
//              JVM's start excluded, process CPU (bench/lucene/LuceneBench.java)
// Then a check that the segments hold exactly what Xapian holds: every
// --check-every'th term of Xapian's: doc freq, collection freq, each
// document's wdf and positions.
//
// Then the queries that need positions, on both: --phrases exact phrases of
// 2-4 consecutive words of a random claim (index::MatchPhrase on Xapian, as
// the searcher matches a phrase: its matcher unweighted, then each term's
// postings walked for the wdfs; against MatchPhrase over the segments) and
// as many NEARs of two words of a claim at most 1-6 positions apart (Xapian's
// matcher, unweighted, as the searcher's bitmap evaluation runs a NEAR;
// against MatchNear). One untimed pass over all, then a timed one: p50, p95,
// p99 and mean per query, and whether both found the same documents.
//
// Times: wall and the thread's CPU (CLOCK_THREAD_CPUTIME_ID). Pin the
// process to one core (taskset -c 1) for one-core figures.
//
// Usage: text_index_bench [--docs N] [--seed S] [--description] [--segment-mb M]
//                         [--check-every K] [--phrases Q] [--dir D]
//                         [--lucene CLASSPATH | --lucene-skipped WHY]
// bench/text_index_run.sh builds it, compiles the Lucene baseline and runs
// it pinned to one core: the one command.
// Exit status 0 when the segments hold what Xapian holds, 1 otherwise.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "base/random.h"
#include "index/document_builder.h"
#include "index/index_schema.h"
#include "index/phrase_match.h"
#include "index/segment_catalog.h"
#include "index/segment_match.h"
#include "index/segment_merge.h"
#include "index/text_analysis.h"
#include "index/text_segment.h"
#include "index/text_segment_writer.h"
#include "generated_records.h"

namespace {

using namespace patnav;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Options {
  uint64_t docs = 10000;
  uint64_t seed = 7;
  bool description = false;
  uint64_t segment_mb = 256;
  uint64_t check_every = 25;
  uint64_t phrases = 500;
  fs::path dir;
  std::string lucene_cp;
  std::string lucene_skipped;
};

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

uint64_t DirBytes(const fs::path& dir) {
  uint64_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) n += e.file_size();
  return n;
}

struct Part {
  double wall = 0, cpu = 0;
  uint64_t bytes = 0;
};

void Print(const char* name, const Part& p, size_t docs, const Part* baseline) {
  std::printf("  %-10s %9.2f s wall %9.2f s CPU %10.0f docs/s (CPU) %9.1f MB", name, p.wall, p.cpu,
              static_cast<double>(docs) / p.cpu, static_cast<double>(p.bytes) / 1e6);
  if (baseline) std::printf("   %.2fx xapian's docs/s", baseline->cpu / p.cpu);
  std::printf("\n");
}

std::string JoinTexts(const std::map<std::string, std::string>& texts) {
  std::string out;
  for (const auto& [lang, t] : texts) {
    if (!out.empty()) out += '\n';
    out += t;
  }
  return out;
}

// The records as LuceneBench's DOCS_TSV (its header): the text fields only.
void WriteLuceneInput(const std::vector<PatentRecord>& records, const fs::path& tsv, bool description) {
  std::FILE* f = std::fopen(tsv.c_str(), "wb");
  if (!f) {
    std::fprintf(stderr, "text_index_bench: cannot create %s\n", tsv.c_str());
    std::exit(1);
  }
  std::string line, claims;
  uint64_t id = 0;
  for (const PatentRecord& r : records) {
    line = std::to_string(++id) + '\t';
    bench::AppendLuceneEscaped(line, r.publication_number);
    line += "\t\t\t\t\t";  // country, kind, date, IPC: not indexed here
    bench::AppendLuceneEscaped(line, JoinTexts(r.title));
    line += '\t';
    bench::AppendLuceneEscaped(line, JoinTexts(r.abstract_text));
    line += '\t';
    claims.clear();
    for (const Claim& c : r.claims) {
      if (!claims.empty()) claims += '\n';
      claims += c.text;
    }
    bench::AppendLuceneEscaped(line, claims);
    line += '\t';
    if (description) bench::AppendLuceneEscaped(line, r.description);
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), f);
  }
  if (std::fclose(f) != 0) {
    std::fprintf(stderr, "text_index_bench: cannot write %s\n", tsv.c_str());
    std::exit(1);
  }
}

// Runs LuceneBench index over `tsv`; false with the reason in *why.
bool RunLucene(const std::string& classpath, const fs::path& tsv, const fs::path& index_dir, Part* p,
               std::string* why) {
  const fs::path out = index_dir.string() + ".out";
  const std::string cmd = "java -Xms1g -Xmx2g -cp '" + classpath + "' LuceneBench index '" + tsv.string() + "' '" +
                          index_dir.string() + "' >'" + out.string() + "' 2>&1";
  const int rc = std::system(cmd.c_str());
  std::string text;
  if (std::FILE* f = std::fopen(out.c_str(), "rb")) {
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
    std::fclose(f);
  }
  unsigned long long docs = 0, bytes = 0, segments = 0;
  double merge_wall = 0, merge_cpu = 0;
  if (rc != 0 ||
      std::sscanf(text.c_str(), "lucene-index docs=%llu wall=%lf cpu=%lf merge_wall=%lf merge_cpu=%lf bytes=%llu segments=%llu",
                  &docs, &p->wall, &p->cpu, &merge_wall, &merge_cpu, &bytes, &segments) != 7) {
    *why = "LuceneBench index: " + text.substr(0, 300);
    return false;
  }
  p->bytes = bytes;
  return true;
}

struct Latency {
  std::vector<double> ms;
  void Print(const char* name) {
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms.empty() ? 0.0 : ms[std::min(ms.size() - 1, static_cast<size_t>(q * ms.size()))]; };
    double sum = 0;
    for (double m : ms) sum += m;
    std::printf("    %-8s p50 %7.3f ms  p95 %7.3f ms  p99 %7.3f ms  mean %7.3f ms\n", name, at(0.50), at(0.95), at(0.99),
                ms.empty() ? 0.0 : sum / ms.size());
  }
};

// Documents of a NEAR on Xapian, as the searcher's bitmap evaluation asks
// Xapian's matcher for one (match_set.cc): unweighted, in docid order.
std::vector<uint32_t> XapianNear(const Xapian::Database& db, const std::string& a, const std::string& b,
                                 uint32_t window) {
  class Collect : public Xapian::MatchSpy {
   public:
    explicit Collect(std::vector<uint32_t>* out) : out_(out) {}
    void operator()(const Xapian::Document& doc, double) override { out_->push_back(doc.get_docid()); }

   private:
    std::vector<uint32_t>* out_;
  };
  std::vector<uint32_t> out;
  Collect spy(&out);
  std::vector<Xapian::Query> terms{Xapian::Query(a), Xapian::Query(b)};
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_NEAR, terms.begin(), terms.end(), window));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, std::max<Xapian::doccount>(db.get_doccount(), 1));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "text_index_bench: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--docs") o.docs = std::strtoull(next(), nullptr, 10);
    else if (a == "--seed") o.seed = std::strtoull(next(), nullptr, 10);
    else if (a == "--description") o.description = true;
    else if (a == "--segment-mb") o.segment_mb = std::strtoull(next(), nullptr, 10);
    else if (a == "--check-every") o.check_every = std::max<uint64_t>(1, std::strtoull(next(), nullptr, 10));
    else if (a == "--dir") o.dir = next();
    else if (a == "--phrases") o.phrases = std::strtoull(next(), nullptr, 10);
    else if (a == "--lucene") o.lucene_cp = next();
    else if (a == "--lucene-skipped") o.lucene_skipped = next();
    else {
      std::fprintf(stderr,
                   "usage: text_index_bench [--docs N] [--seed S] [--description] [--segment-mb M] "
                   "[--check-every K] [--phrases Q] [--dir D] [--lucene CLASSPATH | --lucene-skipped WHY]\n");
      return 2;
    }
  }
  const bool own_dir = o.dir.empty();
  if (own_dir) o.dir = fs::temp_directory_path() / ("text_index_bench." + std::to_string(::getpid()));
  fs::remove_all(o.dir);
  fs::create_directories(o.dir / "xapian");
  fs::create_directories(o.dir / "segments");
  ::setenv("XAPIAN_FLUSH_THRESHOLD", "1000000", 0);  // as patnav's rebuild: our commit is the only one

  const auto g0 = Clock::now();
  const std::vector<PatentRecord> records = bench::GeneratedRecords(o.docs, o.seed, o.description, "text_index_bench");
  std::printf("%zu generated grants (%s) in %.1f s\n", records.size(),
              o.description ? "with descriptions" : "title, abstract, claims, names; no description", Seconds(g0));

  // analysis: the terms counted, nothing kept.
  Part analysis;
  uint64_t occurrences = 0;
  {
    const auto w0 = Clock::now();
    const double c0 = ThreadCpuSeconds();
    for (const PatentRecord& r : records)
      index::ForEachFreeText(
          r,
          [&](std::string_view text, std::string_view prefix, Xapian::termpos* pos) {
            index::ForEachIndexTerm(text, prefix, pos, [&](const std::string&, Xapian::termpos) { ++occurrences; });
          },
          o.description);
    analysis.wall = Seconds(w0);
    analysis.cpu = ThreadCpuSeconds() - c0;
  }

  Part xapian;
  {
    const auto w0 = Clock::now();
    const double c0 = ThreadCpuSeconds();
    Xapian::WritableDatabase db((o.dir / "xapian").string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
    Xapian::docid did = 0;
    for (const PatentRecord& r : records) {
      Xapian::Document doc;
      index::ForEachFreeText(
          r,
          [&](std::string_view text, std::string_view prefix, Xapian::termpos* pos) {
            index::IndexText(doc, text, prefix, pos);
          },
          o.description);
      db.replace_document(++did, doc);
    }
    db.commit();
    db.close();
    xapian.wall = Seconds(w0);
    xapian.cpu = ThreadCpuSeconds() - c0;
    xapian.bytes = DirBytes(o.dir / "xapian");
  }

  Part ours;
  std::vector<fs::path> segments;
  {
    const auto w0 = Clock::now();
    const double c0 = ThreadCpuSeconds();
    auto writer = std::make_unique<index::TextSegmentWriter>();
    auto flush = [&] {
      fs::path path = o.dir / "segments" / ("seg." + std::to_string(segments.size()));
      if (Status st = writer->Write(path); !st.ok()) {
        std::fprintf(stderr, "text_index_bench: %s\n", st.ToString().c_str());
        std::exit(1);
      }
      segments.push_back(path);
      writer = std::make_unique<index::TextSegmentWriter>();
    };
    uint32_t did = 0;
    for (const PatentRecord& r : records) {
      index::AddFreeText(*writer, ++did, r, o.description);
      if (writer->MemoryBytes() >= o.segment_mb << 20) flush();
    }
    if (writer->documents() > 0 || segments.empty()) flush();
    ours.wall = Seconds(w0);
    ours.cpu = ThreadCpuSeconds() - c0;
    ours.bytes = DirBytes(o.dir / "segments");
  }

  Part lucene;
  bool lucene_ran = false;
  if (!o.lucene_cp.empty()) {
    WriteLuceneInput(records, o.dir / "lucene.tsv", o.description);
    lucene_ran = RunLucene(o.lucene_cp, o.dir / "lucene.tsv", o.dir / "lucene", &lucene, &o.lucene_skipped);
    fs::remove(o.dir / "lucene.tsv");
  } else if (o.lucene_skipped.empty()) {
    o.lucene_skipped = "no --lucene classpath (bench/text_index_run.sh gives one)";
  }

  // Several segments (a --segment-mb below the corpus): merged into one,
  // timed, as an index keeps its segments few; the checks read the merge.
  Part merge;
  if (segments.size() > 1) {
    std::vector<index::TextSegment> inputs;
    for (const fs::path& p : segments) inputs.push_back(std::move(*index::TextSegment::Open(p)));
    std::vector<const index::TextSegment*> pointers;
    for (const index::TextSegment& s : inputs) pointers.push_back(&s);
    const fs::path merged = o.dir / "segments" / "merged";
    const auto w0 = Clock::now();
    const double c0 = ThreadCpuSeconds();
    if (Status st = index::MergeSegments(pointers, [](uint32_t) { return true; }, merged); !st.ok()) {
      std::fprintf(stderr, "text_index_bench: %s\n", st.ToString().c_str());
      return 1;
    }
    merge.wall = Seconds(w0);
    merge.cpu = ThreadCpuSeconds() - c0;
    merge.bytes = fs::file_size(merged);
    for (const fs::path& p : segments) fs::remove(p);
    segments = {merged};
  }

  std::printf("free-text occurrences: %llu (%.0f per document); segments written: %zu\n",
              static_cast<unsigned long long>(occurrences), static_cast<double>(occurrences) / records.size(),
              segments.size());
  Print("analysis", analysis, records.size(), nullptr);
  Print("xapian", xapian, records.size(), nullptr);
  Print("ours", ours, records.size(), &xapian);
  if (merge.cpu > 0) Print("(merge)", merge, records.size(), nullptr);
  if (lucene_ran) {
    Print("lucene", lucene, records.size(), &xapian);
    std::printf("  ours against lucene: %.2fx lucene's docs/s (CPU), %.2fx (wall); lucene's CPU is its process's "
                "(JIT and GC threads included)\n",
                lucene.cpu / ours.cpu, lucene.wall / ours.wall);
  } else {
    std::printf("  lucene     not run: %s\n", o.lucene_skipped.c_str());
  }
  std::printf("  ours over the analysis floor: %.2f s CPU (xapian: %.2f s)\n", ours.cpu - analysis.cpu,
              xapian.cpu - analysis.cpu);

  // The check: sampled terms, every document, against every segment.
  size_t checked = 0, differ = 0;
  {
    Xapian::Database db((o.dir / "xapian").string());
    std::vector<index::TextSegment> open;
    for (const fs::path& p : segments) {
      Result<index::TextSegment> s = index::TextSegment::Open(p);
      if (!s.ok()) {
        std::fprintf(stderr, "text_index_bench: %s\n", s.status().ToString().c_str());
        return 1;
      }
      open.push_back(std::move(*s));
    }
    uint64_t k = 0;
    std::vector<uint32_t> pos;
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t, ++k) {
      if (k % o.check_every != 0) continue;
      const std::string term = *t;
      ++checked;
      uint64_t df = 0, cf = 0;
      bool same = true;
      size_t s = 0;
      std::vector<index::PostingCursor> cursors;
      for (const index::TextSegment& seg : open) {
        if (const index::SegmentTerm* e = seg.Find(term)) df += e->doc_freq, cf += e->coll_freq;
        cursors.push_back(seg.Postings(term));
      }
      same = df == db.get_termfreq(term) && cf == db.get_collection_freq(term);
      bool have = s < cursors.size() && cursors[s].Next();
      for (auto p = db.postlist_begin(term); same && p != db.postlist_end(term); ++p) {
        while (!have && ++s < cursors.size()) have = cursors[s].Next();
        if (!have || cursors[s].docid() != *p || cursors[s].wdf() != p.get_wdf()) {
          same = false;
          break;
        }
        std::vector<uint32_t> theirs;
        for (auto q = db.positionlist_begin(*p, term); q != db.positionlist_end(*p, term); ++q) theirs.push_back(*q);
        same = cursors[s].Positions(&pos) && pos == theirs;
        have = cursors[s].Next();
      }
      differ += !same;
    }
  }
  std::printf("check: %zu terms of xapian's (every %llu'th) compared, %zu differ\n", checked,
              static_cast<unsigned long long>(o.check_every), differ);

  // Queries that need positions.
  size_t query_differ = 0;
  if (o.phrases > 0) {
    Random rng(o.seed + 1);
    std::vector<std::vector<std::string>> phrases;
    struct Near {
      std::string a, b;
      uint32_t window;
    };
    std::vector<Near> nears;
    for (size_t tries = 0; (phrases.size() < o.phrases || nears.size() < o.phrases) && tries < 100 * o.phrases; ++tries) {
      const PatentRecord& r = records[rng.Uniform(records.size())];
      if (r.claims.empty()) continue;
      const std::vector<std::string> terms =
          index::PositionalTerms(r.claims[rng.Uniform(r.claims.size())].text, index::kClaims);
      if (terms.size() < 8) continue;
      if (phrases.size() < o.phrases) {
        const size_t len = 2 + rng.Uniform(3), start = rng.Uniform(terms.size() - len);
        phrases.emplace_back(terms.begin() + start, terms.begin() + start + len);
      }
      if (nears.size() < o.phrases) {
        const size_t d = 1 + rng.Uniform(6), start = rng.Uniform(terms.size() - d);
        if (terms[start] != terms[start + d]) nears.push_back({terms[start], terms[start + d], static_cast<uint32_t>(d + 1)});
      }
    }
    Xapian::Database db((o.dir / "xapian").string());
    std::vector<index::TextSegment> open;
    for (const fs::path& p : segments) open.push_back(std::move(*index::TextSegment::Open(p)));
    auto ours_phrase = [&](const std::vector<std::string>& terms) {
      std::vector<uint32_t> docs;
      for (const index::TextSegment& seg : open) {
        Result<index::SegmentPhraseHits> hits = index::MatchPhrase(seg, terms);
        if (hits.ok()) docs.insert(docs.end(), hits->docs.begin(), hits->docs.end());
      }
      return docs;
    };
    auto ours_near = [&](const Near& q) {
      std::vector<uint32_t> docs;
      for (const index::TextSegment& seg : open) {
        Result<std::vector<uint32_t>> hits = index::MatchNear(seg, {{q.a}, {q.b}}, q.window);
        if (hits.ok()) docs.insert(docs.end(), hits->begin(), hits->end());
      }
      return docs;
    };
    auto time_ms = [](auto&& fn) {
      const auto t0 = Clock::now();
      fn();
      return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    };
    uint64_t phrase_hits = 0, near_hits = 0;
    for (const auto& terms : phrases) {  // untimed pass: both warm
      const std::vector<uint32_t> theirs = index::MatchPhrase(db, terms).docs;
      query_differ += ours_phrase(terms) != theirs;
      phrase_hits += theirs.size();
    }
    for (const Near& q : nears) {
      const std::vector<uint32_t> theirs = XapianNear(db, q.a, q.b, q.window);
      query_differ += ours_near(q) != theirs;
      near_hits += theirs.size();
    }
    Latency xp, op, xn, on;
    for (const auto& terms : phrases) {
      xp.ms.push_back(time_ms([&] { index::MatchPhrase(db, terms); }));
      op.ms.push_back(time_ms([&] { ours_phrase(terms); }));
    }
    for (const Near& q : nears) {
      xn.ms.push_back(time_ms([&] { XapianNear(db, q.a, q.b, q.window); }));
      on.ms.push_back(time_ms([&] { ours_near(q); }));
    }
    std::printf("phrases: %zu of 2-4 claim words (%.1f hits each on average)\n", phrases.size(),
                static_cast<double>(phrase_hits) / std::max<size_t>(phrases.size(), 1));
    xp.Print("xapian");
    op.Print("ours");
    std::printf("near: %zu of two claim words 1-6 apart (%.1f hits each on average)\n", nears.size(),
                static_cast<double>(near_hits) / std::max<size_t>(nears.size(), 1));
    xn.Print("xapian");
    on.Print("ours");
    std::printf("queries whose documents differ between xapian and ours: %zu\n", query_differ);
  }
  if (own_dir) fs::remove_all(o.dir);
  return differ == 0 && query_differ == 0 ? 0 : 1;
}
