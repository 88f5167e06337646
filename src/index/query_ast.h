// The syntax tree of the expert query language (docs/query-language.md):
// what query_parser.h produces and query_builder.h turns into a Xapian query.
// Every node carries the 1-based column, in Unicode characters, where its text
// starts, so that later errors (an over-wide wildcard, a phrase with no
// searchable words) can point at it. Leaves carry the field in effect: a field
// clause TI=(a OR b) yields two TI leaves, not a field node.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace patnav::index {

enum class Field {
  kTac,             // TAC= and plain words: title + abstract + claims
  kTitle,           // TI=
  kAbstract,        // AB=
  kClaims,          // CL=
  kTitleAbstract,   // TA=
  kFullText,        // FT=: TAC + description
  kApplicant,       // PA= or AN=
  kInventor,        // IN=
  kIpc,             // IPC=
  kCpc,             // CPC=
  kCountry,         // CC=
  kKind,            // KD=
  kPublicationDate, // PD=
  kFilingDate,      // AD=
  kPriorityDate,    // PRD=
  kLegalStatus,     // LS=: live, dead, pending or a state, as of indexing (legal_status_terms.h)
  kExpiry,          // EX=: the expected expiry, a date field
};

struct FieldName {
  std::string_view name;  // as the user writes it, upper-case
  Field field;
};
inline constexpr std::array<FieldName, 19> kFieldNames = {{
    {"TI", Field::kTitle},        {"AB", Field::kAbstract},         {"CL", Field::kClaims},
    {"TA", Field::kTitleAbstract}, {"TAC", Field::kTac},            {"FT", Field::kFullText},
    {"PA", Field::kApplicant},    {"AN", Field::kApplicant},        {"IN", Field::kInventor},
    {"IPC", Field::kIpc},         {"CPC", Field::kCpc},             {"CC", Field::kCountry},
    {"KD", Field::kKind},         {"PD", Field::kPublicationDate},  {"AD", Field::kFilingDate},
    {"PRD", Field::kPriorityDate}, {"APD", Field::kFilingDate},    {"LS", Field::kLegalStatus},
    {"EX", Field::kExpiry},
}};

// The field named `name` (ASCII case-insensitive), or nullopt.
inline std::optional<Field> FieldFromName(std::string_view name) {
  for (const auto& f : kFieldNames) {
    if (f.name.size() != name.size()) continue;
    bool same = true;
    for (size_t i = 0; i < name.size() && same; ++i) {
      char c = name[i];
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      same = c == f.name[i];
    }
    if (same) return f.field;
  }
  return std::nullopt;
}

// The canonical name of `field` ("TI", "PA", "TAC" ...).
inline std::string_view NameOfField(Field field) {
  for (const auto& f : kFieldNames)
    if (f.field == field) return f.name;
  return "?";
}

inline bool IsDateField(Field f) {
  return f == Field::kPublicationDate || f == Field::kFilingDate || f == Field::kPriorityDate || f == Field::kExpiry;
}
// Fields whose values are codes matched exactly (boolean terms), not analysed text.
inline bool IsCodeField(Field f) {
  return f == Field::kIpc || f == Field::kCpc || f == Field::kCountry || f == Field::kKind || f == Field::kLegalStatus;
}

enum class NodeKind {
  kAnd,     // children: all must match; NOT children subtract
  kOr,      // children: any
  kNot,     // one child: documents without it
  kNear,    // children[i] within distances[i] words of children[i+1]
  kTerm,    // text: one word as written (without a trailing '*'), wildcard when it had one
  kPhrase,  // text: what was inside the quotes
  kDate,    // date_from..date_to, inclusive YYYYMMDD numbers; nullopt = open end
};

struct QueryNode {
  NodeKind kind = NodeKind::kTerm;
  int column = 1;                 // 1-based, in Unicode characters; kNear: its first NEAR/n
  Field field = Field::kTac;      // leaves: the field in effect
  std::string text;               // kTerm, kPhrase
  bool wildcard = false;          // kTerm written as word*
  std::vector<int> distances;     // kNear: children.size() - 1 distances, each >= 1
  std::optional<uint32_t> date_from, date_to;  // kDate
  std::vector<QueryNode> children;
};

struct QueryAst {
  QueryNode root;
};

}  // namespace patnav::index
