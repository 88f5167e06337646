// The corpus plan: the few facts about every document that other documents
// depend on (dates, publication and application numbers, applicant, area,
// citation attractiveness), computed once so that any single document can
// then be written on its own, in any order. Documents are indexed in grant
// order, so publication numbers increase with the index and "earlier" means
// "lower index".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/random.h"
#include "generator/corpus_generator.h"
#include "generator/names.h"
#include "generator/sampling.h"

namespace patnav::gen {

inline constexpr uint32_t kNoOrg = 0xFFFFFFFFu;
inline constexpr uint8_t kNoCountry = 0xFF;

// Outcome of a document as a Chinese patent-tool export would report it.
enum class LegalStatus : uint8_t { kGranted, kExamination, kLapsed, kRejected, kWithdrawn };

struct DocPlan {
  int32_t filing_day = 0;    // US application
  int32_t grant_day = 0;     // a Tuesday
  int32_t priority_day = 0;  // meaningful when priority_country != kNoCountry
  int32_t prepub_day = 0;    // US pre-grant publication (kind B2 only), a Thursday
  uint32_t pub_number = 0;   // US grant number
  uint32_t app_number = 0;   // series code * 1,000,000 + serial
  uint32_t org = kNoOrg;     // first applicant; kNoOrg for an individual
  uint32_t co_org = kNoOrg;  // a co-applicant organisation
  uint32_t priority_serial = 0;  // CN: 7-digit serial; others: a free serial
  uint32_t cn_pub_number = 0;    // CN family member's publication number
  int32_t cn_pub_day = 0;        // its A publication
  int32_t cn_grant_day = 0;      // its B publication, when granted
  uint8_t area = 0;
  uint8_t kind = 2;  // 1 or 2: B1 / B2
  uint8_t priority_country = kNoCountry;  // a Country
  uint8_t individual_country = 0;         // a Country, when org == kNoOrg
  LegalStatus us_status = LegalStatus::kGranted;
  LegalStatus cn_status = LegalStatus::kGranted;
  bool chinese_row = false;  // the CSV row is written in Chinese
  bool cn_family = false;    // the CSV row shows the Chinese family member

  bool has_priority() const { return priority_country != kNoCountry; }
  bool cn_granted() const { return cn_grant_day != 0; }
};

class CorpusPlan {
 public:
  // REQUIRES: options are valid (CorpusGenerator::Validate).
  explicit CorpusPlan(const GeneratorOptions& options);

  uint64_t seed() const { return seed_; }
  uint64_t size() const { return docs_.size(); }
  const GeneratorOptions& options() const { return options_; }
  const DocPlan& doc(uint64_t i) const { return docs_[i]; }
  const std::vector<Organisation>& orgs() const { return orgs_; }
  // How many distinct inventors an organisation draws from.
  uint32_t inventor_pool(uint32_t org) const { return pools_[org]; }
  // A law firm id, Zipf-distributed.
  uint32_t SampleFirm(Random& rng) const { return static_cast<uint32_t>(firms_.Sample(rng)); }

  // Appends up to `count` distinct documents published before document i
  // (strictly earlier grant date), mostly of the same area, preferring
  // attractive and recent ones; fewer when fewer exist.
  void SampleCitations(uint64_t i, Random& rng, size_t count, std::vector<uint32_t>& out) const;

 private:
  void AssignNumbers();
  void BuildCitationIndex(const std::vector<double>& fitness);

  GeneratorOptions options_;
  uint64_t seed_;
  std::vector<Organisation> orgs_;
  std::vector<uint32_t> pools_;
  ZipfTable firms_;
  std::vector<DocPlan> docs_;
  std::vector<uint32_t> area_docs_[6];
  std::vector<double> area_prefix_[6];  // prefix sums of fitness, size + 1
};

// Formatting of the plan's numbers.
void AppendUsGrantNumber(std::string& out, uint32_t number, bool zero_padded);  // "08930553" / "8930553"
void AppendUsApplicationNumber(std::string& out, uint32_t app_number);         // "13648029"
// "201110045432.7": year, type 1 (invention), 7-digit serial, check digit.
void AppendCnApplicationNumber(std::string& out, int year, uint32_t serial);
// A priority application number in the style of its office.
void AppendPriorityNumber(std::string& out, const DocPlan& d);

}  // namespace patnav::gen
