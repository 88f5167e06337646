// The technical vocabulary the synthetic corpus is written in: for each
// technology area, parallel English/Chinese components, adjectives, actions,
// relations, measurable parameters, technical effects and background problems.
// Text built from the same picks renders in either language, so a document's
// Chinese title is a translation of its English one.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace patnav::gen {

// Technology areas; the classification tree and organisations refer to them.
enum Area : uint8_t { kBattery = 0, kAi, kSemiconductor, kTelecom, kMedical, kVehicle };
inline constexpr int kAreaCount = 6;

struct Term {
  std::string_view en;
  std::string_view zh;
};

// A verb in the forms the templates need.
struct Action {
  std::string_view base;  // "coat"
  std::string_view ing;   // "coating"
  std::string_view pp;    // "coated"
  std::string_view zh;    // "涂覆"
};

// A measurable quantity; values are n / scale with n in [lo, hi].
struct Param {
  std::string_view en;
  std::string_view zh;
  std::string_view unit;  // may be empty
  int lo;
  int hi;
  int scale;  // 1, 10, 100, ...
};

struct AreaVocabulary {
  std::string_view key;  // "battery", "ai", ...
  Term field;            // "battery technology" / "电池技术"
  std::span<const Term> components;
  std::span<const Term> adjectives;
  std::span<const Action> actions;
  // Relation phrases with '%' where the object goes: "is disposed on %".
  std::span<const Term> relations;
  std::span<const Param> params;
  // Verb phrases in base form: "improve the cycle stability of the battery".
  std::span<const Term> effects;
  std::span<const Term> products;
  std::span<const std::string_view> problems;  // English clauses
};

// REQUIRES: 0 <= area < kAreaCount.
const AreaVocabulary& VocabularyFor(int area);

// Appends `phrase` with its first word turned into a gerund ("improve the x"
// -> "improving the x"); the vocabulary avoids verbs that double a consonant.
void AppendGerundPhrase(std::string& out, std::string_view phrase);
// "a" or "an" for the English word starting `next`.
std::string_view ArticleFor(std::string_view next);

}  // namespace patnav::gen
