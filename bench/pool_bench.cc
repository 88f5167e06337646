// Pool benchmark (issue 5): one period of a large patent pool, each phase
// timed on one thread:
//   setup          alliance, members, pool, programme, licensees, agreements,
//                  contributions (one transaction each step; not the target)
//   value          scoring every contributed patent with the value model
//                  (cohorts built in memory from the synthetic records) and
//                  saving the scores
//   royalties      recording the royalty reports (1,000,000 lines by default)
//                  with the royalty of every line computed and ledger-posted
//   plan           computing the distribution (no writes)
//   close          computing, recording and ledger-posting the distribution
//                  and closing the period: one transaction
//   statement      one member's statement, traced to the reports
// The target of the issue: the period closes in under 2 s on one core.
//
// Usage: pool_bench [--patents N] [--members N] [--licensees N]
//                   [--countries N] [--lines N] [--method value|patent-country|blend]
//                   [--dir DIR] [--keep]
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "base/random.h"
#include "domain/alliance.h"
#include "domain/distribution.h"
#include "domain/ledger.h"
#include "domain/licensing.h"
#include "domain/members.h"
#include "domain/money.h"
#include "domain/operations_db.h"
#include "domain/pool.h"
#include "domain/royalty.h"
#include "domain/statement.h"
#include "domain/value_context.h"
#include "model/party.h"

namespace {

using namespace patnav;
using namespace patnav::domain;
using Clock = std::chrono::steady_clock;

struct Options {
  int patents = 50000, members = 200, licensees = 500, countries = 100;
  int64_t lines = 1'000'000;
  std::string method = "value";
  std::string dir;
  bool keep = false;
};

double Seconds(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

void Check(const Status& st, const char* what) {
  if (!st.ok()) {
    std::fprintf(stderr, "pool_bench: %s: %s\n", what, st.ToString().c_str());
    std::exit(1);
  }
}

std::string CountryCode(int i) {
  // Distinct two-letter codes: the big markets first, then WA..WZ, XA..XZ,
  // YA..YZ, ZA..ZZ (no big market starts with W-Z). REQUIRES: i < 119.
  static const char* kReal[] = {"US", "CN", "DE", "JP", "KR", "FR", "GB", "IT", "ES", "NL", "IN", "BR", "CA", "MX", "AU"};
  if (i < 15) return kReal[i];
  int k = i - 15;
  return {static_cast<char>('W' + k / 26), static_cast<char>('A' + k % 26)};
}

PatentRecord SyntheticPatent(int i, Random& rng) {
  static const char* kIpc[] = {"H01M 10/0525", "H01M 4/131", "H02J 7/00", "B60L 53/10", "G06N 3/08", "H04W 72/04",
                               "H01L 31/02", "G01R 31/36"};
  PatentRecord r;
  r.country = "US";
  r.doc_number = std::to_string(8000000 + i);
  r.kind = rng.Bernoulli(0.85) ? "B2" : "A1";
  r.publication_number = r.country + r.doc_number + r.kind;
  int year = 2006 + static_cast<int>(rng.Uniform(18));
  char date[48];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, 1 + static_cast<int>(rng.Uniform(12)), 1 + static_cast<int>(rng.Uniform(28)));
  r.filing_date = date;
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", year + 2, 1 + static_cast<int>(rng.Uniform(12)), 1 + static_cast<int>(rng.Uniform(28)));
  r.publication_date = date;
  if (r.kind == "B2") r.grant_date = r.publication_date;
  int n_ipc = 1 + static_cast<int>(rng.Uniform(3));
  for (int k = 0; k < n_ipc; ++k) r.ipc.push_back(kIpc[rng.Uniform(8)]);
  r.claims_count = 1 + static_cast<int>(rng.Uniform(30));
  int inventors = 1 + static_cast<int>(rng.Uniform(6));
  for (int k = 0; k < inventors; ++k) r.inventors.push_back(MakePerson("Inventor" + std::to_string(k), "A"));
  r.applicants = {MakeOrganisation(rng.Bernoulli(0.8) ? "Acme Battery Co., Ltd." : "Tsinghua University")};
  int cites = static_cast<int>(rng.Uniform(20));
  for (int k = 0; k < cites; ++k) r.citations.push_back({"US" + std::to_string(5000000 + rng.Uniform(3000000)) + "B2", "US", "", "", "", ""});
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "pool_bench: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--patents") o.patents = std::atoi(next().c_str());
    else if (a == "--members") o.members = std::atoi(next().c_str());
    else if (a == "--licensees") o.licensees = std::atoi(next().c_str());
    else if (a == "--countries") o.countries = std::atoi(next().c_str());
    else if (a == "--lines") o.lines = std::atoll(next().c_str());
    else if (a == "--method") o.method = next();
    else if (a == "--dir") o.dir = next();
    else if (a == "--keep") o.keep = true;
    else {
      std::fprintf(stderr, "usage: pool_bench [--patents N] [--members N] [--licensees N] [--countries N] [--lines N] "
                           "[--method value|patent-country|blend] [--dir DIR] [--keep]\n");
      return 2;
    }
  }
  if (o.countries < 1 || o.countries > 15 + 4 * 26 || o.members < 1 || o.licensees < 1 || o.patents < 1) {
    std::fprintf(stderr, "pool_bench: bad sizes\n");
    return 2;
  }
  namespace fs = std::filesystem;
  fs::path dir = o.dir.empty() ? fs::temp_directory_path() / ("patnav-pool-bench-" + std::to_string(::getpid())) : fs::path(o.dir);
  fs::remove_all(dir);
  std::printf("pool: %d patents, %d members, %d licensees, %d countries, %lld royalty lines, method %s\n", o.patents,
              o.members, o.licensees, o.countries, static_cast<long long>(o.lines), o.method.c_str());
  Random rng(20250101);
  auto t_all = Clock::now();

  // ---- setup ----
  auto t0 = Clock::now();
  auto opened = OperationsDb::Open(dir);
  Check(opened.status(), "open");
  OperationsDb& ops = **opened;
  Check(CreateAlliance(ops, {"Bench Alliance", "Beijing", "cooperative", ""}).status(), "alliance");
  static const char* kTypes[] = {"industry", "university", "research", "finance", "intermediary", "application"};
  Check(ops.Write([&]() -> Status {
    for (int m = 0; m < o.members; ++m)
      RETURN_IF_ERROR(AddMember(ops, {"", "Member " + std::to_string(m), kTypes[m % 6], "2020-01-01", ""}).status());
    return Status::OK();
  }), "members");
  Check(CreatePool(ops, {"", "BenchPool", "", "", "", "USD", 80000}).status(), "pool");
  ProgrammeInput prog;
  prog.pool = "BenchPool";
  prog.name = "BenchProgramme";
  prog.basis = RoyaltyBasis::kPerUnit;
  prog.rate = 125;
  for (int c = 0; c < o.countries; c += 7) prog.country_rates[CountryCode(c)] = 60 + c;
  prog.member_rate = 25;
  Check(CreateProgramme(ops, prog).status(), "programme");
  Check(ops.Write([&]() -> Status {
    for (int l = 0; l < o.licensees; ++l) {
      std::string name = "Licensee " + std::to_string(l);
      RETURN_IF_ERROR(AddLicensee(ops, {name, CountryCode(l % o.countries), l % 50 == 0 ? "Member " + std::to_string(l % o.members) : ""}).status());
      RETURN_IF_ERROR(AddAgreement(ops, {name, "BenchProgramme", {"*"}, "2024-01-01", ""}).status());
    }
    return Status::OK();
  }), "licensees");
  std::vector<PatentRecord> records;
  records.reserve(static_cast<size_t>(o.patents));
  std::vector<ContributionInput> contributions;
  contributions.reserve(static_cast<size_t>(o.patents));
  for (int i = 0; i < o.patents; ++i) {
    records.push_back(SyntheticPatent(i, rng));
    ContributionInput c;
    c.pool = "BenchPool";
    c.member = "Member " + std::to_string(rng.Uniform(static_cast<uint64_t>(o.members)));
    c.publication_number = records.back().publication_number;
    c.contributed_on = "2024-01-01";
    int k = 1 + static_cast<int>(rng.Uniform(10));  // 1..10 countries, 5.5 on average
    std::vector<bool> used(static_cast<size_t>(o.countries), false);
    c.countries.push_back("US");
    used[0] = true;
    for (int j = 1; j < k && j < o.countries; ++j) {
      int x = static_cast<int>(rng.Uniform(static_cast<uint64_t>(o.countries)));
      if (!used[static_cast<size_t>(x)]) {
        used[static_cast<size_t>(x)] = true;
        c.countries.push_back(CountryCode(x));
      }
    }
    c.expires_on = rng.Bernoulli(0.97) ? "2040-01-01" : "2025-01-15";
    contributions.push_back(std::move(c));
  }
  Check(Contribute(ops, contributions), "contributions");
  double setup_s = Seconds(t0);

  // ---- value scoring ----
  t0 = Clock::now();
  ValueContext ctx;
  ctx.set_as_of("2025-03-31");
  for (const auto& r : records) ctx.AddPublication(r, static_cast<int64_t>(rng.Uniform(40)));
  std::vector<PatentValue> values;
  values.reserve(records.size());
  ValueWeights weights = DefaultValueWeights();
  for (const auto& r : records) {
    ValueFacts f = ctx.FactsFor(r);
    f.pools = 1;
    f.licensees = o.licensees;
    values.push_back(ScorePatent(r, f, weights));
  }
  double score_s = Seconds(t0);
  t0 = Clock::now();
  Check(SaveValueScores(ops, values), "save scores");
  double save_scores_s = Seconds(t0);

  // ---- royalty reports ----
  std::vector<RoyaltyReportInput> reports(static_cast<size_t>(o.licensees));
  for (int l = 0; l < o.licensees; ++l) {
    reports[static_cast<size_t>(l)] = {"Licensee " + std::to_string(l), "BenchProgramme", "2025Q1", "USD", "bench", {}};
    reports[static_cast<size_t>(l)].lines.reserve(static_cast<size_t>(o.lines / o.licensees + 1));
  }
  for (int64_t i = 0; i < o.lines; ++i) {
    RoyaltyLineInput line;
    line.country = CountryCode(static_cast<int>(rng.Uniform(static_cast<uint64_t>(o.countries))));
    line.units = 1 + static_cast<int64_t>(rng.Uniform(5000));
    reports[static_cast<size_t>(i % o.licensees)].lines.push_back(std::move(line));
  }
  t0 = Clock::now();
  auto outcome = ReportRoyalties(ops, reports);
  Check(outcome.status(), "royalty reports");
  double royalty_s = Seconds(t0);

  // ---- distribution ----
  auto method = ParseDistributionMethod(o.method);
  Check(method.status(), "method");
  DistributionRequest req{"BenchPool", "2025Q1", *method, 500000};
  t0 = Clock::now();
  auto plan = PlanDistribution(ops, req);
  Check(plan.status(), "plan");
  double plan_s = Seconds(t0);
  t0 = Clock::now();
  DistributionPlan closed;
  auto id = CloseDistribution(ops, req, &closed);
  Check(id.status(), "close");
  double close_s = Seconds(t0);
  t0 = Clock::now();
  auto statement = BuildStatement(ops, "Member 0", "2025Q1");
  Check(statement.status(), "statement");
  double statement_s = Seconds(t0);
  t0 = Clock::now();
  Check(CheckLedger(ops), "ledger check");
  double check_s = Seconds(t0);
  double total_s = Seconds(t_all);

  int64_t statement_total = 0;
  for (const auto& p : statement->pools) statement_total += p.total_minor;
  std::printf("\n%-58s %9s %12s\n", "phase", "seconds", "rate");
  std::printf("%-58s %9.3f\n", "setup (members, licensees, agreements, contributions)", setup_s);
  std::printf("%-58s %9.3f %9.0f patents/s\n", "value scoring of every patent (in memory)", score_s, o.patents / score_s);
  std::printf("%-58s %9.3f\n", "saving the value scores", save_scores_s);
  std::printf("%-58s %9.3f %9.0f lines/s\n", "royalty reports: compute, record, post to the ledger", royalty_s, o.lines / royalty_s);
  std::printf("%-58s %9.3f\n", "distribution plan (read only)", plan_s);
  std::printf("%-58s %9.3f   target < 2 s\n", "period close: plan + record + ledger + close, one txn", close_s);
  std::printf("%-58s %9.3f\n", "one member's statement", statement_s);
  std::printf("%-58s %9.3f\n", "ledger check", check_s);
  std::printf("%-58s %9.3f\n", "total", total_s);
  std::printf("\ngross %s USD, administrator %s, distributed %s to %zu members over %zu patent-country shares, "
              "undistributed %s\n",
              FormatAmount(closed.gross_minor, "USD").c_str(), FormatAmount(closed.fee_minor, "USD").c_str(),
              FormatAmount(closed.distributable_minor, "USD").c_str(), closed.by_member.size(), closed.shares.size(),
              FormatAmount(closed.undistributed_minor, "USD").c_str());
  std::printf("Member 0's statement: %s USD; database %.1f MB\n", FormatAmount(statement_total, "USD").c_str(),
              static_cast<double>(fs::file_size(dir / kOperationsFileName)) / 1e6);
  if (closed.distributable_minor + closed.undistributed_minor + closed.fee_minor != closed.gross_minor) {
    std::fprintf(stderr, "pool_bench: the distribution does not add up\n");
    return 1;
  }
  if (!o.keep) fs::remove_all(dir);
  return 0;
}
