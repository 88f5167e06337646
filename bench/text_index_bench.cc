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
//              the end
//   lucene     (with --lucene CLASSPATH) Lucene 8's LuceneBench index over
//              the same records' title, abstract, claims (and description),
//              its own timing: writer open to the end of forceMerge(1), the
//              JVM's start excluded, process CPU (bench/lucene/LuceneBench.java)
// Then a check that the segments hold exactly what Xapian holds: every
// --check-every'th term of Xapian's: doc freq, collection freq, each
// document's wdf and positions.
//
// Times: wall and the thread's CPU (CLOCK_THREAD_CPUTIME_ID). Pin the
// process to one core (taskset -c 1) for one-core figures.
//
// Usage: text_index_bench [--docs N] [--seed S] [--description] [--segment-mb M]
//                         [--check-every K] [--dir D] [--lucene CLASSPATH | --lucene-skipped WHY]
// bench/text_index_run.sh builds it, compiles the Lucene baseline and runs
// it pinned to one core: the one command.
// Exit status 0 when the segments hold what Xapian holds, 1 otherwise.
#include <time.h>

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

#include "generator/corpus_generator.h"
#include "index/document_builder.h"
#include "index/text_analysis.h"
#include "index/text_segment.h"
#include "index/text_segment_writer.h"
#include "readers/byte_source.h"
#include "readers/reader.h"

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

class Collect : public RecordSink {
 public:
  void OnRecord(PatentRecord&& r) override { records.push_back(std::move(r)); }
  void OnReject(Rejection&& r) override {
    std::fprintf(stderr, "text_index_bench: rejected: %s\n", r.ToString().c_str());
    ++rejected;
  }
  std::vector<PatentRecord> records;
  size_t rejected = 0;
};

std::vector<PatentRecord> Generate(const Options& o) {
  GeneratorOptions g;
  g.docs = o.docs;
  g.seed = o.seed;
  g.full_text = o.description;
  g.description = o.description;
  std::ostringstream xml;
  if (!CorpusGenerator(g).Write(CorpusFormat::kUsptoXml, xml).ok()) std::exit(1);
  const std::string data = xml.str();
  Result<std::unique_ptr<Reader>> reader = DetectReader(std::string_view(data).substr(0, 65536), {});
  Collect sink;
  if (!reader.ok() || !(*reader)->Read(*NewStringSource(data, "generated.xml"), sink).ok() || sink.rejected) {
    std::fprintf(stderr, "text_index_bench: the generated corpus did not read\n");
    std::exit(1);
  }
  return std::move(sink.records);
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

// `s` with \\ tab and newline escaped, as LuceneBench reads its input.
void AppendEscaped(std::string& out, std::string_view s) {
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += ' ';
    else out += c;
  }
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
    AppendEscaped(line, r.publication_number);
    line += "\t\t\t\t\t";  // country, kind, date, IPC: not indexed here
    AppendEscaped(line, JoinTexts(r.title));
    line += '\t';
    AppendEscaped(line, JoinTexts(r.abstract_text));
    line += '\t';
    claims.clear();
    for (const Claim& c : r.claims) {
      if (!claims.empty()) claims += '\n';
      claims += c.text;
    }
    AppendEscaped(line, claims);
    line += '\t';
    if (description) AppendEscaped(line, r.description);
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
    else if (a == "--lucene") o.lucene_cp = next();
    else if (a == "--lucene-skipped") o.lucene_skipped = next();
    else {
      std::fprintf(stderr,
                   "usage: text_index_bench [--docs N] [--seed S] [--description] [--segment-mb M] "
                   "[--check-every K] [--dir D] [--lucene CLASSPATH | --lucene-skipped WHY]\n");
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
  const std::vector<PatentRecord> records = Generate(o);
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
      writer->BeginDocument(++did);
      index::ForEachFreeText(
          r,
          [&](std::string_view text, std::string_view prefix, Xapian::termpos* pos) {
            index::ForEachIndexTerm(text, prefix, pos,
                                    [&](const std::string& term, Xapian::termpos at) { writer->Add(term, at); });
          },
          o.description);
      writer->EndDocument();
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

  std::printf("free-text occurrences: %llu (%.0f per document); segments written: %zu\n",
              static_cast<unsigned long long>(occurrences), static_cast<double>(occurrences) / records.size(),
              segments.size());
  Print("analysis", analysis, records.size(), nullptr);
  Print("xapian", xapian, records.size(), nullptr);
  Print("ours", ours, records.size(), &xapian);
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
  if (own_dir) fs::remove_all(o.dir);
  return differ == 0 ? 0 : 1;
}
