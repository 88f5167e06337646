// The IPC/CPC tree of the synthetic corpus: a handful of technology areas
// (batteries H01M, AI G06N/G06F/G06V, semiconductors H01L, telecom
// H04L/H04W, medical A61B/A61K, vehicles B60L), each subclass with main groups
// in Zipf order, their subgroups, the subject heads their documents claim, and
// CPC-only indexing codes, US classes and examiner art units that go with them.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "base/random.h"
#include "generator/vocabulary.h"

namespace patnav::gen {

enum class HeadKind : uint8_t {
  kProduct,  // "separator": "A separator, comprising: ..."
  kMethod,   // "resource allocation": "A resource allocation method, ..."
};

struct Head {
  Term term;
  HeadKind kind;
};

struct MainGroup {
  std::string_view number;       // "10"
  std::string_view ipc_version;  // "20060101"
  std::span<const std::string_view> subgroups;  // most frequent first: "0525", "00"
  std::span<const Head> heads;
};

struct Subclass {
  std::string_view symbol;  // "H01M"
  int area;
  std::span<const MainGroup> groups;  // most frequent first
  // CPC-only codes added to further-cpc: "H01M 2004/028", "Y02E 60/10".
  std::span<const std::string_view> cpc_extras;
  // US classes already in the fixed-width XML form: "42923195", "706 12".
  std::span<const std::string_view> us_classes;
  std::span<const int> art_units;
};

// One classification symbol; the pointers refer to static tables.
struct ClassSymbol {
  const Subclass* subclass = nullptr;
  const MainGroup* group = nullptr;
  std::string_view subgroup;

  bool operator==(const ClassSymbol& o) const { return group == o.group && subgroup == o.subgroup; }
};

// The subclasses of an area with their relative weights.
struct AreaClasses {
  std::span<const Subclass> subclasses;
  std::span<const uint32_t> weights;
};

// REQUIRES: 0 <= area < kAreaCount.
const AreaClasses& ClassesFor(int area);
// A subclass of the area, by weight.
const Subclass& SampleSubclass(Random& rng, int area);
// A symbol in the subclass: Zipf (s = 1) over main groups and over subgroups.
ClassSymbol SampleSymbol(Random& rng, const Subclass& subclass);

// Appends "H01M 10/0525" (spaced) or "H01M10/0525" (compact).
void AppendSymbol(std::string& out, const ClassSymbol& s, bool compact);

// The parts of a symbol written as "H01M 2004/028" (an indexing code).
struct SymbolParts {
  std::string_view section, cls, subclass, main_group, subgroup;
};
SymbolParts SplitSymbol(std::string_view spaced);

}  // namespace patnav::gen
