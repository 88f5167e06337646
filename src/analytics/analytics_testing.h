// Test-only: a random but deterministic corpus for the analytics tests —
// records with the facts the analyses read (dates, countries, priority
// claims, organisations with spelling variants and Chinese names, persons,
// IPC symbols, citations to earlier and to unknown publications, titles in
// English and Chinese), written into a store. Header-only so it is never part
// of the patnav::analytics library.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/random.h"
#include "model/party.h"
#include "model/patent_record.h"
#include "store/patent_store.h"

namespace patnav::analytics_testing {

inline PatentRecord RandomRecord(Random& rnd, int i, const std::vector<std::string>& earlier) {
  static const char* const kOrgs[] = {
      "Acme Corp.", "ACME Corporation", "Globex GmbH", "Initech Inc.", "Umbrella Co., Ltd.",
      "宁德时代新能源科技股份有限公司", "比亚迪股份有限公司", "清华大学", "Tsinghua University",
      "Fraunhofer Institute for Solar Energy", "中国科学院物理研究所", "Stark Industries LLC",
      "Wayne Enterprises, Inc.", "Cyberdyne Systems K.K.", "Soylent Corp", "Hooli Inc",
      "Massachusetts Institute of Technology", "Tyrell Corporation", "Aperture Science, Inc.", "Oscorp Ltd.",
  };
  static const char* const kPersons[] = {"Smith, John", "Wang, Wei", "Li, Na", "Müller, Hans", "Tanaka, Yuki",
                                         "Garcia, Maria", "Zhang, Min", "Kim, Minho", "Rossi, Luca", "Dupont, Marie"};
  static const char* const kIpc[] = {"H01M 10/0525", "H01M 10/052", "H01M 4/62", "H01M 4/13", "G06N 3/08",
                                     "G06N 3/04", "G06F 17/30", "A61K 31/00", "A61B 5/00", "B60L 58/12",
                                     "H02J 7/00", "C01B 32/05", "Y02E 60/10", "H01G 11/06", "H01L 21/02",
                                     "G01R 31/36", "B82Y 30/00", "C08K 3/04", "F16H 57/04", "G06T 7/00",
                                     "H04W 4/40", "A61P 35/00", "C12N 15/11"};
  static const char* const kWords[] = {"lithium", "battery", "electrode", "neural", "network", "vehicle",
                                       "charging", "sensor", "graphene", "solid", "electrolyte", "training"};
  static const char* const kCountries[] = {"US", "CN", "EP", "JP", "KR"};
  PatentRecord r;
  r.country = kCountries[rnd.Uniform(5)];
  r.doc_number = std::to_string(1000000 + i);
  r.kind = rnd.Bernoulli(0.5) ? "A1" : "B2";
  const int year = 2008 + static_cast<int>(rnd.Uniform(17));
  if (!rnd.Bernoulli(0.03)) r.filing_date = std::to_string(year) + "-0" + std::to_string(1 + rnd.Uniform(9)) + "-15";
  if (!rnd.Bernoulli(0.03)) r.publication_date = std::to_string(year + 1 + static_cast<int>(rnd.Uniform(3))) + "-06-01";
  if (rnd.Bernoulli(0.4)) {
    PriorityClaim pc;
    pc.country = kCountries[rnd.Uniform(5)];
    pc.doc_number = "P" + std::to_string(i);
    pc.date = std::to_string(year - 1) + "-03-01";
    r.priority_claims.push_back(pc);
    if (rnd.Bernoulli(0.3)) {
      PriorityClaim later = pc;
      later.country = "DE";
      later.date = std::to_string(year) + "-01-01";
      r.priority_claims.push_back(later);
    }
  }
  const int applicants = static_cast<int>(rnd.Uniform(4));  // 0..3
  for (int k = 0; k < applicants; ++k) {
    if (rnd.Bernoulli(0.1)) r.applicants.push_back(PersonFromFullName("Ivan Petrov"));
    else r.applicants.push_back(MakeOrganisation(kOrgs[rnd.Uniform(std::size(kOrgs))]));
  }
  if (applicants == 0 && rnd.Bernoulli(0.5)) r.assignees.push_back(MakeOrganisation(kOrgs[rnd.Uniform(std::size(kOrgs))]));
  const int inventors = static_cast<int>(rnd.Uniform(4));
  for (int k = 0; k < inventors; ++k) {
    std::string name = kPersons[rnd.Uniform(std::size(kPersons))];
    const size_t comma = name.find(',');
    r.inventors.push_back(MakePerson(name.substr(0, comma), name.substr(comma + 2)));
  }
  const int symbols = static_cast<int>(rnd.Uniform(4));
  for (int k = 0; k < symbols; ++k) {
    const std::string s = kIpc[rnd.Uniform(std::size(kIpc))];
    if (rnd.Bernoulli(0.1)) r.cpc.push_back(s);
    else r.ipc.push_back(s);
  }
  const int citations = earlier.empty() ? 0 : static_cast<int>(rnd.Uniform(7));
  for (int k = 0; k < citations; ++k) {
    Citation c;
    if (rnd.Bernoulli(0.15)) c.publication_number = "US" + std::to_string(9000000 + rnd.Uniform(100)) + "B1";
    else c.publication_number = earlier[rnd.Uniform(earlier.size())];
    r.citations.push_back(c);
  }
  std::string title;
  const int words = 2 + static_cast<int>(rnd.Uniform(4));
  for (int k = 0; k < words; ++k) title += std::string(k ? " " : "") + kWords[rnd.Uniform(std::size(kWords))];
  if (year >= 2020 && rnd.Bernoulli(0.5)) title += " solid-state";
  if (rnd.Bernoulli(0.2)) r.title["zh"] = rnd.Bernoulli(0.5) ? "锂电池电极材料" : "神经网络训练方法";
  else r.title["en"] = title;
  r.claims_count = static_cast<int>(1 + rnd.Uniform(30));
  FinishRecord(r);
  return r;
}

// Puts `n` random records (seed) into the store, in one batch.
inline void FillStore(PatentStore& store, int n, uint64_t seed) {
  Random rnd(seed);
  std::vector<std::string> numbers;
  ASSERT_TRUE(store.BeginBatch().ok());
  for (int i = 0; i < n; ++i) {
    PatentRecord r = RandomRecord(rnd, i, numbers);
    numbers.push_back(r.publication_number);
    ASSERT_TRUE(store.Put(r).ok()) << r.publication_number;
  }
  ASSERT_TRUE(store.CommitBatch().ok());
}

}  // namespace patnav::analytics_testing
