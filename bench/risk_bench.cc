// The risk screening report's cost (issue 14: a one-page product description
// over 1,000,000 patents in under 2 s): app::ScreenRisk on one long-lived
// workspace, beside its baseline, the similar-patent search alone with the
// same text and filter, so the added cost of the status checks and the claim
// screening shows. The product is one page (about 3,000 characters) restating
// claim 1 of a stored patent among sentences of other patents' abstracts.
// Prints p50 and max in milliseconds of each.
//
//   risk_bench --db DIR [--docs N] [--rounds N] [--candidates N]
// Without a store in DIR, --docs N generated grants (seed 11, no
// descriptions) are stored in parts and then indexed first.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/index_update.h"
#include "app/ingest.h"
#include "app/risk.h"
#include "app/search.h"
#include "app/workspace.h"
#include "generator/corpus_generator.h"

using namespace patnav;

namespace {

double Ms(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// Generates the corpus in parts of 50,000 grants, each stored (without the
// index) and its file removed, then builds the index once: at 1,000,000
// grants one file would be 19 GB of XML.
int Build(const std::filesystem::path& db, uint64_t docs) {
  constexpr uint64_t kPart = 50000;
  std::filesystem::create_directories(db);
  const std::filesystem::path corpus = db / "risk_bench_corpus.xml";
  GeneratorOptions g;
  g.docs = docs;
  g.seed = 11;
  g.full_text = false;
  g.description = false;
  CorpusGenerator gen(g);
  app::Workspace ws({.dir = db});
  auto t0 = std::chrono::steady_clock::now();
  double generating_ms = 0;
  for (uint64_t first = 0; first < docs; first += kPart) {
    auto tg = std::chrono::steady_clock::now();
    {
      std::ofstream out(corpus, std::ios::binary | std::ios::trunc);
      for (uint64_t i = first; i < std::min(docs, first + kPart); ++i) out << gen.Document(CorpusFormat::kUsptoXml, i);
    }
    generating_ms += Ms(tg);
    app::IngestRequest part;
    part.paths = {corpus.string()};
    part.index = false;
    Result<app::IngestResult> r = app::Ingest(app::Caller::Local(), ws, part);
    std::filesystem::remove(corpus);
    if (!r.ok()) {
      std::fprintf(stderr, "ingest: %s\n", r.status().ToString().c_str());
      return 1;
    }
    std::fprintf(stderr, "stored %llu of %llu (%.0f s)\n", static_cast<unsigned long long>(std::min(docs, first + kPart)),
                 static_cast<unsigned long long>(docs), Ms(t0) / 1000);
  }
  const double stored_ms = Ms(t0);
  auto ti = std::chrono::steady_clock::now();
  app::IndexUpdateRequest rebuild;
  rebuild.rebuild = true;
  Result<app::IndexUpdateResult> x = app::UpdateIndex(app::Caller::Local(), ws, rebuild);
  if (!x.ok()) {
    std::fprintf(stderr, "index: %s\n", x.status().ToString().c_str());
    return 1;
  }
  std::printf("generated %llu patents in %.1f s, stored them in %.1f s, indexed them in %.1f s\n",
              static_cast<unsigned long long>(docs), generating_ms / 1000, (stored_ms - generating_ms) / 1000,
              Ms(ti) / 1000);
  return 0;
}

// One page: claim 1 of the first hit of a query, with its separators made
// sentence ends, padded with abstracts of other patents.
Result<std::string> OnePage(app::Workspace& ws) {
  std::string page;
  RETURN_IF_ERROR(ws.WithStore([&](PatentStore& store) -> Status {
    return store.ForEach([&](const PatentRecord& r) {
      if (page.empty() && !r.claims.empty()) {
        page = r.claims[0].text;
        for (char& c : page)
          if (c == ';' || c == ':') c = '.';
        page += "\n";
      } else if (auto it = r.abstract_text.find("en"); it != r.abstract_text.end()) {
        page += it->second + "\n";
      }
      return page.size() < 3000;
    });
  }));
  return page;
}

void Report(const char* what, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  std::printf("%-44s %zu runs, p50 %8.1f ms, max %8.1f ms\n", what, ms.size(), ms[ms.size() / 2], ms.back());
}

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  uint64_t docs = 10000;
  int rounds = 5, candidates = 30;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--db" && i + 1 < argc) db = argv[++i];
    else if (a == "--docs" && i + 1 < argc) docs = std::stoull(argv[++i]);
    else if (a == "--rounds" && i + 1 < argc) rounds = std::atoi(argv[++i]);
    else if (a == "--candidates" && i + 1 < argc) candidates = std::atoi(argv[++i]);
  }
  if (db.empty() || rounds < 1) {
    std::fprintf(stderr, "usage: risk_bench --db DIR [--docs N] [--rounds N] [--candidates N]\n");
    return 2;
  }
  if (!std::filesystem::exists(std::filesystem::path(db) / "patnav.db") && Build(db, docs) != 0) return 1;
  app::Workspace ws({db, /*long_lived=*/true});
  Result<std::string> page = OnePage(ws);
  if (!page.ok()) {
    std::fprintf(stderr, "product: %s\n", page.status().ToString().c_str());
    return 1;
  }
  app::RiskRequest request;
  request.product = *page;
  request.countries = {"US", "DE"};
  request.as_of = "2025-06-01";
  request.candidates = candidates;
  std::vector<double> similar_ms, risk_ms;
  double first_similar_ms = 0, first_risk_ms = 0;
  size_t in_force = 0;
  for (int round = 0; round <= rounds; ++round) {
    auto t0 = std::chrono::steady_clock::now();
    Result<app::SimilarPatentsResult> similar = app::SimilarPatents(
        app::Caller::Local(), ws, {.text = request.product, .filter = "(CC=US OR CC=DE OR CC=EP)", .limit = candidates});
    double s = Ms(t0);
    t0 = std::chrono::steady_clock::now();
    Result<nlohmann::ordered_json> report = app::ScreenRisk(app::Caller::Local(), ws, request);
    double r = Ms(t0);
    if (!similar.ok() || !report.ok()) {
      std::fprintf(stderr, "%s\n", (similar.ok() ? report.status() : similar.status()).ToString().c_str());
      return 1;
    }
    in_force = (*report)["patents"].size();
    if (round == 0) {  // warms the searcher's columns up; reported apart
      first_similar_ms = s;
      first_risk_ms = r;
      continue;
    }
    similar_ms.push_back(s);
    risk_ms.push_back(r);
  }
  std::printf("one-page product (%zu bytes), %d candidates, %zu in force\n", request.product.size(), candidates,
              in_force);
  std::printf("first round (not counted: opens the index, loads the searcher's columns): search %.1f ms, report %.1f ms\n",
              first_similar_ms, first_risk_ms);
  Report("baseline: similar-patent search alone", similar_ms);
  Report("risk report (search + status + claims)", risk_ms);
  return 0;
}
