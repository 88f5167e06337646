// patnav generate: a deterministic synthetic corpus for demos and benchmarks.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "generator/corpus_generator.h"
#include "generator/assignment_writer.h"
#include "generator/maintfee_writer.h"

namespace patnav::cli {

int RunGenerate(const GenerateOptions& o) {
  GeneratorOptions go;
  go.docs = o.docs;
  go.seed = o.seed;
  go.full_text = o.full_text;
  CorpusGenerator gen(go);
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!o.out.empty()) {
    file.open(o.out, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::fprintf(stderr, "patnav generate: cannot write %s\n", o.out.c_str());
      return kExitFailure;
    }
    out = &file;
  }
  Status st = o.format == "maintfee"      ? WriteMaintFeeEvents({.patents = o.docs, .seed = o.seed}, *out).status()
              : o.format == "assignments" ? WriteAssignmentFile({.records = o.docs, .seed = o.seed}, *out).status()
                                          : gen.Write(o.format == "csv" ? CorpusFormat::kCsv : CorpusFormat::kUsptoXml, *out);
  out->flush();
  if (!st.ok() || !*out) {
    std::fprintf(stderr, "patnav generate: %s\n", st.ok() ? "write failed" : st.ToString().c_str());
    return kExitFailure;
  }
  if (!o.out.empty())
    std::fprintf(stderr, "generate: %llu documents (%s, seed %llu) to %s\n", o.docs, o.format.c_str(), o.seed,
                 o.out.c_str());
  return kExitOk;
}

}  // namespace patnav::cli
