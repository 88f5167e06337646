// Generated grants read into memory, and text escaped for the Lucene
// baseline's input: shared by the benchmarks that hold a corpus in memory
// (record_matcher_bench, text_index_bench) and those that feed Lucene
// (search_bench, text_index_bench).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "generator/corpus_generator.h"
#include "readers/byte_source.h"
#include "readers/reader.h"

namespace patnav::bench {

// `docs` generated USPTO grants (with descriptions when `full_text`) read by
// the USPTO reader. Exits with a message naming `program` when the corpus
// does not generate or read whole.
inline std::vector<PatentRecord> GeneratedRecords(uint64_t docs, uint64_t seed, bool full_text, const char* program) {
  class Collect : public RecordSink {
   public:
    void OnRecord(PatentRecord&& r) override { records.push_back(std::move(r)); }
    void OnReject(Rejection&&) override { ++rejected; }
    std::vector<PatentRecord> records;
    size_t rejected = 0;
  };
  GeneratorOptions g;
  g.docs = docs;
  g.seed = seed;
  g.full_text = full_text;
  g.description = full_text;
  std::ostringstream xml;
  if (!CorpusGenerator(g).Write(CorpusFormat::kUsptoXml, xml).ok()) {
    std::fprintf(stderr, "%s: the corpus did not generate\n", program);
    std::exit(1);
  }
  const std::string data = xml.str();
  Result<std::unique_ptr<Reader>> reader = DetectReader(std::string_view(data).substr(0, 65536), {});
  Collect sink;
  if (!reader.ok() || !(*reader)->Read(*NewStringSource(data, "generated.xml"), sink).ok() || sink.rejected) {
    std::fprintf(stderr, "%s: the generated corpus did not read\n", program);
    std::exit(1);
  }
  return std::move(sink.records);
}

// `s` with \ tab and newline escaped, as bench/lucene/LuceneBench reads its input.
inline void AppendLuceneEscaped(std::string& out, std::string_view s) {
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += ' ';
    else out += c;
  }
}

}  // namespace patnav::bench
