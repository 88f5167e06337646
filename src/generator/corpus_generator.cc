// The corpus generator facade (see corpus_generator.h).
#include "generator/corpus_generator.h"

#include <cassert>

#include "generator/corpus_plan.h"
#include "generator/csv_writer.h"
#include "generator/synthetic_patent.h"
#include "generator/uspto_xml_writer.h"

namespace patnav {

CorpusGenerator::CorpusGenerator(GeneratorOptions options) : options_(options), valid_(Validate(options)) {
  GeneratorOptions effective = options_;
  if (!valid_.ok()) {
    effective = GeneratorOptions();
    effective.docs = 0;
  }
  plan_ = std::make_unique<gen::CorpusPlan>(effective);
}

CorpusGenerator::~CorpusGenerator() = default;

Status CorpusGenerator::Validate(const GeneratorOptions& o) {
  if (o.first_year < 1900 || o.last_year > 2100 || o.first_year > o.last_year) {
    return Status::InvalidArgument("generator years must satisfy 1900 <= first_year <= last_year <= 2100, got " +
                                   std::to_string(o.first_year) + ".." + std::to_string(o.last_year));
  }
  if (o.docs > kMaxDocs) {
    return Status::InvalidArgument("at most " + std::to_string(kMaxDocs) + " documents can be generated, asked for " +
                                   std::to_string(o.docs));
  }
  return Status::OK();
}

Status CorpusGenerator::Write(CorpusFormat format, std::ostream& out) const {
  if (!valid_.ok()) return valid_;
  std::string buf;
  if (format == CorpusFormat::kCsv) buf = CsvHeader();
  for (uint64_t i = 0; i < options_.docs; ++i) {
    AppendDocument(format, i, buf);
    if (buf.size() >= (1u << 20)) {
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      buf.clear();
      if (!out) return Status::IOError("writing the generated corpus failed after document " + std::to_string(i));
    }
  }
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  out.flush();
  if (!out) return Status::IOError("writing the generated corpus failed");
  return Status::OK();
}

std::string CorpusGenerator::Document(CorpusFormat format, uint64_t index) const {
  std::string out;
  AppendDocument(format, index, out);
  return out;
}

void CorpusGenerator::AppendDocument(CorpusFormat format, uint64_t index, std::string& out) const {
  assert(valid_.ok() && index < plan_->size());
  gen::BuildParts parts;
  parts.full_text = options_.full_text;
  parts.all_claims = format == CorpusFormat::kUsptoXml;
  parts.description = format == CorpusFormat::kUsptoXml && options_.description;
  parts.citations = format == CorpusFormat::kUsptoXml;
  gen::SyntheticPatent p;
  gen::BuildPatent(*plan_, index, parts, p);
  if (format == CorpusFormat::kUsptoXml) {
    gen::AppendUsptoXml(*plan_, p, out);
  } else {
    gen::AppendCsvRow(p, out);
  }
}

std::string CorpusGenerator::CsvHeader() const { return std::string(gen::CsvHeaderLine()); }

}  // namespace patnav
