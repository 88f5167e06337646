// Test-only helpers for the store's tests: deterministic synthetic records
// (full records with Chinese text, thin "second source" records, realistic
// description text) and an export of a whole store for comparisons.
// Header-only so that it is never part of the patnav::store library.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/random.h"
#include "model/party.h"
#include "model/patent_record.h"
#include "model/record_json.h"
#include "store/patent_store.h"

namespace patnav::store_testing {

// About `bytes` bytes of English-like text (compresses like real prose).
inline std::string ProseText(uint64_t seed, size_t bytes) {
  static const char* const kWords[] = {
      "the", "battery", "electrode", "cathode", "anode", "lithium", "layer", "wherein", "comprising", "said",
      "first", "second", "material", "particles", "coating", "separator", "electrolyte", "solvent", "current",
      "collector", "embodiment", "invention", "method", "step", "temperature", "pressure", "composition",
      "weight", "percent", "of", "and", "a", "an", "to", "in", "is", "by", "with", "for", "on", "at", "from",
      "surface", "thickness", "micrometers", "example", "comparative", "sample", "prepared", "mixing", "heating",
      "cell", "capacity", "cycle", "retention", "voltage", "charge", "discharge", "rate", "density", "oxide",
      "nickel", "cobalt", "manganese", "carbon", "graphite", "silicon", "binder", "slurry", "dried", "pressed",
      "figure", "shows", "according", "present", "disclosure", "may", "be", "further", "including", "device",
      "control", "unit", "signal", "module", "configured", "receive", "transmit", "data", "network", "neural",
  };
  Random rnd(seed);
  std::string out;
  out.reserve(bytes + 16);
  while (out.size() < bytes) {
    out += kWords[rnd.Uniform(std::size(kWords))];
    out += rnd.Uniform(14) == 0 ? ". " : " ";
    if (rnd.Uniform(400) == 0) out += std::to_string(rnd.Uniform(1000)) + " ";
  }
  return out;
}

// A record with every field of the canonical schema filled, Chinese title,
// abstract, parties and description; `description_bytes` of extra prose.
inline PatentRecord FullRecord(int i, size_t description_bytes = 2000) {
  PatentRecord r;
  r.country = "CN";
  r.doc_number = std::to_string(106844774 + i);
  r.kind = "A";
  r.publication_date = "2017-05-31";
  r.grant_date = "2019-01-18";
  r.application_number = "CN20171012" + std::to_string(3456 + i);
  r.filing_date = "2017-02-27";
  r.priority_claims = {{"CN", "201610000001", "2016-03-01"}, {"US", "62301234", "2016-02-29"}};
  r.family_id = std::to_string(58921234 + i);
  r.language = "zh";
  r.title = {{"zh", "一种锂离子电池正极材料及其制备方法"},
             {"en", "Lithium ion battery cathode material and preparation method " + std::to_string(i)}};
  r.abstract_text = {{"zh", "本发明公开了一种锂离子电池正极材料，包括镍钴锰三元材料和包覆层。"},
                     {"en", "A cathode material comprising a ternary core and a coating layer."}};
  r.claims = {{1, "一种锂离子电池正极材料，其特征在于，包括内核和包覆层。", true, {}},
              {2, "根据权利要求1所述的正极材料，其特征在于，所述包覆层为氧化铝。", false, {1}},
              {3, "一种制备权利要求1或2所述正极材料的方法。", true, {1, 2}}};
  r.applicants = {MakeOrganisation("宁德时代新能源科技股份有限公司")};
  r.applicants[0].country = "CN";
  r.applicants[0].city = "宁德";
  r.assignees = {MakeOrganisation("Contemporary Amperex Technology Co., Limited")};
  r.inventors = {MakePerson("张", "伟"), MakePerson("Li", "Na")};
  r.inventors[0].country = "CN";
  r.ipc = {"H01M 4/525", "H01M 10/0525", "H01M 4/36"};
  r.cpc = {"H01M 4/525", "Y02E 60/10"};
  r.national_classes = {"429/223"};
  r.citations = {{"US2015112182A1", "US", "2015112182", "A1", "2015-04-23", "X"},
                 {"", "JP", "2010123456", "A", "2010-06", "cited by examiner"},
                 {"CN103456789A", "CN", "103456789", "A", "", "Y"}};
  r.npl_citations = {"Smith et al., J. Power Sources 2014, 123-130", "王, 电池材料, 2015"};
  r.source = {"cnipa-xml-1.0", "cn/CN106844774A.xml", i};
  r.description = "技术领域\n本发明涉及锂离子电池领域。\n" + ProseText(static_cast<uint64_t>(i) + 1, description_bytes);
  FinishRecord(r);
  return r;
}

// The same publication as FullRecord(i) as a search export would carry it:
// English title, one assignee spelled differently, dates, extra CPC.
inline PatentRecord ThinRecord(int i) {
  PatentRecord r;
  r.country = "CN";
  r.doc_number = std::to_string(106844774 + i);
  r.kind = "A";
  r.publication_date = "2017-05-31";
  r.filing_date = "2017-02-27";
  r.title = {{"en", "Lithium ion battery cathode material"}};
  r.assignees = {MakeOrganisation("CONTEMPORARY AMPEREX TECH CO LTD")};
  r.cpc = {"Y02E 60/10", "Y02P 70/50"};
  r.source = {"google-patents-csv", "gp-export.csv", i};
  FinishRecord(r);
  return r;
}

// Every record of the store, in order, as canonical JSON + description.
inline std::vector<std::string> ExportAll(PatentStore& store) {
  std::vector<std::string> out;
  Status st = store.ForEach(
      [&](const PatentRecord& r) {
        out.push_back(RecordToJsonLine(r) + "\n" + r.description);
        return true;
      },
      /*with_description=*/true);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

}  // namespace patnav::store_testing
