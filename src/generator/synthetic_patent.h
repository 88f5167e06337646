// One synthetic patent, fully drawn: what the XML and CSV writers render.
// BuildPatent draws each part from its own stream, so leaving out the parts a
// format does not need (the description, the citations) changes nothing else.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "generator/classification_tree.h"
#include "generator/corpus_plan.h"
#include "generator/names.h"
#include "generator/text_composer.h"

namespace patnav::gen {

struct PartyEntry {
  const Organisation* org = nullptr;  // null for an individual
  std::string name;                   // organisation name as spelled in this document
  Person person;                      // the individual, when org is null
};

struct CitationEntry {
  uint32_t doc = 0;  // an earlier document of the corpus
  bool by_examiner = false;
};

struct SyntheticPatent {
  uint64_t index = 0;
  const DocPlan* plan = nullptr;
  int area = 0;
  const Head* head = nullptr;
  std::vector<ClassSymbol> ipc;  // the first is the main symbol
  std::vector<std::string_view> cpc_extras;  // "Y02E 60/10"
  std::vector<std::string_view> us_classes;  // empty for grants from mid-2015 on
  DocText text;
  std::string description;  // XML body; empty unless requested
  std::vector<PartyEntry> applicants;  // organisations, or the individual applicant
  std::vector<Person> inventors;
  std::vector<CitationEntry> citations;  // in publication-number order
  std::vector<std::string> npl;          // XML-ready text
  Person examiner;
  std::optional<Person> assistant_examiner;
  int art_unit = 0;
  std::string agent;  // empty when none
  int figures = 1;
  int drawing_sheets = 1;
  int term_extension = 0;
  bool terminal_disclaimer = false;
};

struct BuildParts {
  bool all_claims = true;  // else claim 1 only
  bool description = false;
  bool full_text = true;
  bool citations = false;
};

// REQUIRES: index < plan.size().
void BuildPatent(const CorpusPlan& plan, uint64_t index, const BuildParts& parts, SyntheticPatent& out);

// The inventors of a document (drawn from their own stream, so citing
// documents can name the first inventor of a cited one cheaply): appends at
// most `limit` of them and returns how many the document has.
size_t DrawInventors(const CorpusPlan& plan, uint64_t index, std::vector<Person>& out, size_t limit = 8);
// "Magar et al." / "Maes": how a citation names document `doc`.
std::string CitedName(const CorpusPlan& plan, uint32_t doc);

}  // namespace patnav::gen
