// The deterministic synthetic patent corpus generator. Real patent data
// cannot ship with patnav, so the demo, the benchmarks and many tests use
// corpora generated here: USPTO v4.5 grant XML (weekly-bulk style) or the CSV
// export of a Chinese patent tool. The same seed gives the same bytes on every
// machine; a document's CSV row and XML describe the same patent.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>

#include "base/status.h"

namespace patnav {

enum class CorpusFormat { kUsptoXml, kCsv };

struct GeneratorOptions {
  uint64_t docs = 1000;
  uint64_t seed = 42;
  // Filing years of the US applications, with growth (more in later years).
  // Grants follow 1-4 years after filing, but none later than the end of
  // last_year + 1 (late filings are granted faster rather than in the future).
  int first_year = 2005, last_year = 2024;
  // uspto-xml: full descriptions (~20-40 KB per grant) rather than a few
  // paragraphs. The CSV has no description either way.
  bool full_text = true;
  // uspto-xml: false leaves the description element empty (bibliographic
  // data, abstract and claims only: the search benchmark's corpus).
  bool description = true;
};

namespace gen {
class CorpusPlan;
}

class CorpusGenerator {
 public:
  // Builds the corpus plan: O(docs log docs) time, ~90 bytes per document
  // (~170 while building).
  // Invalid options (see Validate) give an empty corpus whose Write fails.
  explicit CorpusGenerator(GeneratorOptions options);
  ~CorpusGenerator();
  CorpusGenerator(const CorpusGenerator&) = delete;
  CorpusGenerator& operator=(const CorpusGenerator&) = delete;

  // InvalidArgument unless 1900 <= first_year <= last_year <= 2100 and
  // docs <= kMaxDocs.
  static Status Validate(const GeneratorOptions& options);
  static constexpr uint64_t kMaxDocs = 20'000'000;

  const GeneratorOptions& options() const { return options_; }

  // Writes the whole corpus. uspto-xml: the documents concatenated, each a
  // complete XML document with its own declaration and DOCTYPE, as in the
  // USPTO weekly bulk files. csv: CsvHeader() then one row per document.
  // IOError when the stream fails; InvalidArgument for invalid options.
  Status Write(CorpusFormat format, std::ostream& out) const;

  // Document `index` alone (REQUIRES: index < options().docs and valid
  // options): an XML document ending in a newline, or one CSV row ending in
  // CRLF. Identical whatever order documents are requested in; thread-safe.
  std::string Document(CorpusFormat format, uint64_t index) const;
  // Appends Document(format, index) to `out`, reusing its capacity.
  void AppendDocument(CorpusFormat format, uint64_t index, std::string& out) const;

  // The CSV header line, ending in CRLF:
  // 公开(公告)号,名称,摘要,申请(专利权)人,发明人,申请号,申请日,公开(公告)日,IPC主分类号,IPC分类号,主权项,法律状态,优先权
  std::string CsvHeader() const;

 private:
  GeneratorOptions options_;
  Status valid_;
  std::unique_ptr<gen::CorpusPlan> plan_;
};

}  // namespace patnav
