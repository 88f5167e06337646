// The patent value model: three dimensions after CNIPA's patent value
// analysis guidance (legal, technical and economic value degrees), each a
// weighted mean of indicators scored 0..1, reported 0..100, with the points
// each indicator contributes so a member can see why a patent scores as it
// does. Weights come from a JSON file (ParseValueWeights) over documented
// defaults (docs/pools.md). Pure: everything beyond the record arrives in
// ValueFacts (value_context.h gathers them).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/patent_record.h"

namespace patnav::domain {

// Dimension -> weight, and per dimension indicator -> weight. Weights are
// relative (normalised by their sum) and must be >= 0.
struct ValueWeights {
  std::map<std::string, double> dimensions;  // legal, technical, economic
  std::map<std::string, std::map<std::string, double>> indicators;
};

// legal:     remaining_term 0.25, in_force 0.20, granted 0.15, claims 0.15,
//            independent_claims 0.10, family_coverage 0.15
// technical: forward_citations 0.45, backward_citations 0.15, ipc_breadth 0.20,
//            inventors 0.20
// economic:  licences 0.35, pool_membership 0.20, applicant_type 0.15,
//            market_coverage 0.30
// dimensions: legal 0.35, technical 0.35, economic 0.30
ValueWeights DefaultValueWeights();

// The defaults with the keys of `json` replaced, e.g.
// {"dimensions": {"economic": 0.5}, "technical": {"inventors": 0}}.
// InvalidArgument for malformed JSON, an unknown dimension or indicator, a
// negative weight, or a dimension whose weights sum to zero.
Result<ValueWeights> ParseValueWeights(std::string_view json);

// Facts about a patent that its record does not hold.
struct ValueFacts {
  std::string as_of;                    // ISO date the value is assessed on
  int64_t forward_citations = 0;        // stored publications citing it
  double cohort_forward_mean = 0;       // mean forward citations of its cohort (IPC subclass, publication year)
  std::vector<std::string> countries;   // where the family is published (own country included)
  bool lapsed = false;                  // a lapse recorded (everywhere) on or before as_of
  // The status engine's answer (patent_status.h) for the publication in its
  // own country on as_of, when it was asked: its expiry replaces the
  // statutory one (US term adjustment, continuations) and a right it says
  // has ended (lapsed, expired, revoked, withdrawn, refused) is not in force.
  std::string legal_state;   // a LegalStateName; "" when not asked
  std::string legal_expiry;  // ISO; "" when unknown
  std::string legal_rule;    // the rule it applied, in words
  int64_t licensees = 0;                // licensees under programmes of pools holding it
  int64_t pools = 0;                    // pools it is contributed to (not withdrawn)
};

struct IndicatorScore {
  std::string dimension, name;
  double observed = 0;       // the figure behind the score (years, counts, ratio)
  double score = 0;          // 0..1
  double points = 0;         // contribution to its dimension's 0..100 score
  double overall_points = 0; // contribution to the overall 0..100 score
  std::string basis;         // how the score was derived, for people
};

struct PatentValue {
  std::string publication_number;
  std::string expires_on;
  bool in_force = false;
  double legal = 0, technical = 0, economic = 0, overall = 0;  // 0..100
  std::vector<IndicatorScore> indicators;
  // overall in hundredths, rounded: what distribution weights by.
  int64_t overall_centi() const;
};

// Scores one patent. Scores (0..1):
//   remaining_term     years from as_of to the expiry / 20 (0 when expired): the
//                      status engine's expiry when known, else the statutory one
//   in_force           1 when not expired, not lapsed and not ended by the
//                      status engine (a pending application counts)
//   granted            1 granted, 0.4 pending application
//   claims             claims / 20, at most 1
//   independent_claims independent claims / 3, at most 1
//   family_coverage    countries / 5, at most 1
//   forward_citations  r / (1 + r), r = citations / cohort mean (age and field normalised)
//   backward_citations patent citations / 15, at most 1
//   ipc_breadth        distinct IPC subclasses / 3, at most 1
//   inventors          inventors / 4, at most 1
//   licences           licensees / 10, at most 1
//   pool_membership    1 when in a pool
//   applicant_type     company 1, research institute 0.7, university 0.6,
//                      government or hospital 0.5, individual 0.3, unknown 0.5
//   market_coverage    share of the five main markets covered (US, CN, EP
//                      (or DE, FR, GB), JP, KR)
PatentValue ScorePatent(const PatentRecord& r, const ValueFacts& facts, const ValueWeights& weights);

}  // namespace patnav::domain
