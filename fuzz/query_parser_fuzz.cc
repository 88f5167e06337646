// libFuzzer target for the query language: any bytes go through ParseAndBuild
// against a tiny in-memory index (so wildcards expand and NEAR takes them),
// and an accepted query is run there (its one document indexed with a legal
// status, so LS= and EX= match something). Findings: a crash or hang, an error
// other than InvalidArgument, a Xapian exception from running a query we
// built, or an accepted query whose tree does not render. Seeds:
// fuzz/corpus/query/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <xapian.h>

#include "index/document_builder.h"
#include "index/query_builder.h"
#include "index/query_parser.h"
#include "model/party.h"

namespace {

using namespace patnav;

void Check(bool ok) {
  if (!ok) std::abort();
}

const Xapian::Database& TinyIndex() {
  static const Xapian::WritableDatabase* db = [] {
    auto* w = new Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    PatentRecord r;
    r.publication_number = "CN105000001A";
    r.country = "CN";
    r.doc_number = "105000001";
    r.kind = "A";
    r.publication_date = "2016-05-10";
    r.title["zh"] = "锂电池正极材料 lithium battery cathode";
    r.abstract_text["zh"] = "一种锂离子电池，包括正极、负极和隔膜。The batteries are charged.";
    r.applicants.push_back(MakeOrganisation("宁德时代新能源科技股份有限公司"));
    r.ipc = {"H01M 10/0525"};
    index::IndexedLegalStatus status{"in_force", "2036-05-10"};
    w->add_document(index::BuildDocument(r, 0, &status));
    return w;
  }();
  return *db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view query(reinterpret_cast<const char*>(data), size);
  index::QueryLimits limits;
  Result<index::QueryAst> ast = index::ParseQuery(query, limits);
  if (ast.ok()) Check(!index::DebugString(ast->root).empty());
  else Check(ast.status().code() == StatusCode::kInvalidArgument && !ast.status().message().empty());

  Result<Xapian::Query> built = index::ParseAndBuild(query, limits, TinyIndex());
  if (!built.ok()) {
    Check(built.status().code() == StatusCode::kInvalidArgument);
    return 0;
  }
  Check(ast.ok());
  try {
    Xapian::Enquire enquire(TinyIndex());
    enquire.set_query(*built);
    enquire.get_mset(0, 10);
  } catch (const Xapian::Error&) {
    std::abort();
  }
  return 0;
}
