// Test helpers for the domain module: an operations database in a scratch
// directory, a random pool built through the domain API, and a byte-for-byte
// dump of every table (to prove a refused command wrote nothing).
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/random.h"
#include "domain/alliance.h"
#include "domain/ledger.h"
#include "domain/licensing.h"
#include "domain/members.h"
#include "domain/operations_db.h"
#include "domain/pool.h"
#include "domain/royalty.h"
#include "domain/value_context.h"

namespace patnav::domain::testing {

inline std::unique_ptr<OperationsDb> OpenOps(const std::filesystem::path& dir) {
  Result<std::unique_ptr<OperationsDb>> ops = OperationsDb::Open(dir);
  EXPECT_TRUE(ops.ok()) << ops.status().ToString();
  return ops.ok() ? std::move(ops).value() : nullptr;
}

// Every row of every table of DIR/operations.db, as text, in rowid/key order.
inline std::string DumpOperations(const std::filesystem::path& dir) {
  sqlite3* db = nullptr;
  std::string file = (dir / kOperationsFileName).string();
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return "<cannot open>";
  std::string out;
  std::vector<std::string> tables;
  auto collect = [](void* p, int n, char** v, char**) {
    auto* o = static_cast<std::vector<std::string>*>(p);
    if (n > 0 && v[0]) o->push_back(v[0]);
    return 0;
  };
  sqlite3_exec(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", collect, &tables, nullptr);
  auto row = [](void* p, int n, char** v, char**) {
    auto* o = static_cast<std::string*>(p);
    for (int i = 0; i < n; ++i) *o += (v[i] ? v[i] : "NULL") + std::string("|");
    *o += "\n";
    return 0;
  };
  for (const auto& t : tables) {
    out += "== " + t + "\n";
    std::string sql = "SELECT * FROM \"" + t + "\" ORDER BY 1, 2";
    sqlite3_exec(db, sql.c_str(), row, &out, nullptr);
  }
  sqlite3_close(db);
  return out;
}

// What the test knows about each contributed patent, to judge eligibility
// independently of the code under test.
struct PatentTruth {
  std::string publication_number, member;
  std::set<std::string> countries;
  std::string contributed_on, withdrawn_on, expires_on, essentiality = "claimed";
  std::map<std::string, std::string> lapses;  // country ("" everywhere) -> date
  int64_t value_centi = 0;
  bool EligibleIn(const std::string& country, const std::string& last_day) const {
    if (contributed_on > last_day) return false;
    if (!withdrawn_on.empty() && withdrawn_on <= last_day) return false;
    if (essentiality == "rejected") return false;
    if (expires_on < last_day) return false;
    if (!countries.count(country)) return false;
    for (const auto& [c, d] : lapses)
      if ((c.empty() || c == country) && d <= last_day) return false;
    return true;
  }
};

struct RandomPool {
  std::string pool = "P", programme = "PROG", currency = "USD", period = "2025Q1";
  std::vector<std::string> members, licensees;
  std::vector<PatentTruth> patents;
};

inline const std::vector<std::string>& TestCountries() {
  static const std::vector<std::string> kCountries = {"US", "CN", "DE", "JP", "KR", "FR", "GB", "BR"};
  return kCountries;
}

// Builds a random pool in `ops` for period 2025Q1 (2025-01-01..2025-03-31):
// members, contributions with every kind of ineligibility, value scores,
// licensees with agreements and royalty reports. ASSERTs on any failure.
inline RandomPool BuildRandomPool(OperationsDb& ops, Random& rng, int max_patents = 40, int max_lines = 30) {
  RandomPool rp;
  EXPECT_TRUE(CreateAlliance(ops, {"Alliance", "Beijing", "cooperative", "batteries"}).ok());
  int n_members = 2 + static_cast<int>(rng.Uniform(5));
  static const char* kTypes[] = {"industry", "university", "research", "finance", "intermediary", "application"};
  for (int i = 0; i < n_members; ++i) {
    rp.members.push_back("M" + std::to_string(i));
    EXPECT_TRUE(AddMember(ops, {"", rp.members.back(), kTypes[rng.Uniform(6)], "2020-01-01", ""}).ok());
  }
  PoolInput pi;
  pi.name = rp.pool;
  pi.currency = rp.currency;
  pi.admin_fee_ppm = static_cast<int64_t>(rng.Uniform(200001));
  EXPECT_TRUE(CreatePool(ops, pi).ok());
  ProgrammeInput prog;
  prog.pool = rp.pool;
  prog.name = rp.programme;
  prog.basis = rng.Bernoulli(0.5) ? RoyaltyBasis::kPerUnit : RoyaltyBasis::kNetSales;
  prog.rate = prog.basis == RoyaltyBasis::kPerUnit ? 1 + static_cast<int64_t>(rng.Uniform(500)) : 1 + static_cast<int64_t>(rng.Uniform(60000));
  if (rng.Bernoulli(0.5)) prog.country_rates["CN"] = prog.rate / 2;
  if (rng.Bernoulli(0.3)) prog.member_rate = 0;
  EXPECT_TRUE(CreateProgramme(ops, prog).ok());

  int n_patents = 1 + static_cast<int>(rng.Uniform(static_cast<uint64_t>(max_patents)));
  std::vector<ContributionInput> contributions;
  std::vector<PatentValue> values;
  for (int i = 0; i < n_patents; ++i) {
    PatentTruth t;
    char num[32];
    std::snprintf(num, sizeof num, "US%07dB2", 9000000 + i * 7);
    t.publication_number = num;
    t.member = rp.members[rng.Uniform(rp.members.size())];
    for (const auto& c : TestCountries())
      if (c != "BR" && rng.Bernoulli(0.4)) t.countries.insert(c);
    if (t.countries.empty()) t.countries.insert("US");
    t.contributed_on = rng.Bernoulli(0.85) ? "2024-06-01" : "2025-04-15";
    t.expires_on = rng.Bernoulli(0.9) ? "2035-01-01" : "2025-02-01";
    ContributionInput c;
    c.pool = rp.pool;
    c.member = t.member;
    c.publication_number = t.publication_number;
    c.contributed_on = t.contributed_on;
    c.countries.assign(t.countries.begin(), t.countries.end());
    c.expires_on = t.expires_on;
    contributions.push_back(c);
    t.value_centi = static_cast<int64_t>(rng.Uniform(10001));
    PatentValue v;
    v.publication_number = t.publication_number;
    v.overall = t.value_centi / 100.0;
    values.push_back(v);
    rp.patents.push_back(std::move(t));
  }
  EXPECT_TRUE(Contribute(ops, contributions).ok());
  EXPECT_TRUE(SaveValueScores(ops, values).ok());
  for (PatentTruth& t : rp.patents) {
    if (t.contributed_on <= "2024-06-01" && rng.Bernoulli(0.1)) {
      t.withdrawn_on = rng.Bernoulli(0.5) ? "2025-02-01" : "2025-06-01";
      EXPECT_TRUE(Withdraw(ops, rp.pool, t.publication_number, t.withdrawn_on).ok());
    }
    if (rng.Bernoulli(0.15)) {
      t.essentiality = rng.Bernoulli(0.5) ? "rejected" : "essential";
      EXPECT_TRUE(SetEssentiality(ops, rp.pool, t.publication_number, t.essentiality, "2024-12-01", "Expert", "").ok());
    }
    if (rng.Bernoulli(0.1)) {
      std::string country = rng.Bernoulli(0.5) ? "" : *t.countries.begin();
      std::string date = rng.Bernoulli(0.5) ? "2025-01-10" : "2025-05-01";
      t.lapses[country] = date;
      EXPECT_TRUE(RecordLapse(ops, t.publication_number, country, date).ok());
    }
  }
  int n_licensees = 1 + static_cast<int>(rng.Uniform(4));
  std::vector<RoyaltyReportInput> reports;
  for (int i = 0; i < n_licensees; ++i) {
    rp.licensees.push_back("L" + std::to_string(i));
    LicenseeInput li{rp.licensees.back(), "US", i == 0 && rng.Bernoulli(0.3) ? rp.members[0] : ""};
    EXPECT_TRUE(AddLicensee(ops, li).ok());
    EXPECT_TRUE(AddAgreement(ops, {rp.licensees.back(), rp.programme, {"*"}, "2024-01-01", ""}).ok());
    RoyaltyReportInput r;
    r.licensee = rp.licensees.back();
    r.programme = rp.programme;
    r.period = rp.period;
    int n_lines = 1 + static_cast<int>(rng.Uniform(static_cast<uint64_t>(max_lines)));
    for (int k = 0; k < n_lines; ++k) {
      RoyaltyLineInput line;
      line.country = TestCountries()[rng.Uniform(TestCountries().size())];
      if (prog.basis == RoyaltyBasis::kPerUnit) line.units = static_cast<int64_t>(rng.Uniform(100000));
      else line.net_sales_minor = static_cast<int64_t>(rng.Uniform(1'000'000'000));
      r.lines.push_back(line);
    }
    reports.push_back(std::move(r));
  }
  Result<std::vector<RoyaltyReportOutcome>> outcome = ReportRoyalties(ops, reports);
  EXPECT_TRUE(outcome.ok()) << outcome.status().ToString();
  return rp;
}

}  // namespace patnav::domain::testing
