// What every landscape analysis gets and gives: an AnalysisContext (the
// snapshot, the patent set's rows, options) in, one JSON value shaped as in
// docs/landscape-json.md out. Each analysis is one file defining its
// AnalysisSpec; analyses.cc lists them in report order.
//
// Contract: Run is a pure function of the context (deterministic: ties are
// broken by code or key, never by hash order) and never fails; an empty set
// gives empty rows.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analytics/snapshot.h"

namespace patnav::analytics {

using Json = nlohmann::ordered_json;

// A patent's legal state as the search index holds it (LS=, EX=;
// index/legal_status_terms.h), the status engine's LegalState by name.
enum class PatentState : uint8_t { kUnknown, kPending, kInForce, kLapsed, kExpired, kRevoked, kWithdrawn, kRefused };
// "unknown", "pending", "in_force", "lapsed", "expired", "revoked", "withdrawn", "refused".
const char* PatentStateName(PatentState s);
// kUnknown for a name not listed above.
PatentState PatentStateFromName(std::string_view name);

// The legal facts legal_status reads. Analytics cannot compute them (the
// status engine lives above it), so the caller fills them from the search
// index. Invariant: `state` and `expiry` are empty or both of snap.size().
struct LegalFacts {
  // ISO date the breakdown is for; an "in force" patent whose expiry falls
  // before it counts as expired (the index holds the state of the day the
  // patent was indexed).
  std::string as_of;
  std::vector<PatentState> state;  // by snapshot row
  std::vector<uint32_t> expiry;    // by snapshot row: YYYYMMDD, 0 = unknown
  bool given() const { return !state.empty(); }
};

struct LandscapeOptions {
  // Alliance members' applicant names (--members), matched by
  // NormalizeOrganisation(name) against applicant keys.
  std::vector<std::string> members;
  // The latest year counted as complete; 0: the current UTC year - 1.
  int as_of_year = 0;
  int top = 20;  // rows of ranked lists (applicants, inventors, ...)
  // legal_status runs only when given.
  LegalFacts legal;
};

class AnalysisContext {
 public:
  // `rows` ascending, each < snap.size().
  AnalysisContext(const Snapshot& snap, std::vector<uint32_t> rows, LandscapeOptions options);

  const Snapshot& snap;
  const std::vector<uint32_t> rows;
  const LandscapeOptions options;
  // Applicant ids of the members found in the snapshot, ascending.
  std::vector<uint32_t> member_ids;
  // Members' names not found among the applicants.
  std::vector<std::string> members_missing;
  // The last complete filing year of the set: min(as_of_year, latest filing
  // year in the set); 0 when no patent of the set has a filing year.
  int last_year = 0;
  int first_year = 0;  // the earliest filing year in the set; 0 when none

  bool InSet(uint32_t row) const { return (bits_[row >> 6] >> (row & 63)) & 1; }
  size_t size() const { return rows.size(); }

 private:
  std::vector<uint64_t> bits_;
};

struct AnalysisSpec {
  const char* name;      // the JSON key
  const char* title_en;
  const char* title_zh;
  const char* definition;  // one paragraph: how it is computed (meta.analyses[name].definition)
  Json (*run)(const AnalysisContext&);
};

// The 16 analyses in report order.
std::span<const AnalysisSpec* const> AllAnalyses();
// nullptr when unknown.
const AnalysisSpec* FindAnalysis(std::string_view name);

}  // namespace patnav::analytics
