// The tabular view of one analysis, shared by the HTML data tables and the
// XLSX sheets: the analysis JSON (docs/landscape-json.md) flattened into
// tables of scalar cells, plus its scalar parameters (stage, periods, ...).
// Rows keep the input order; fields an analysis adds to its rows become
// extra columns, so nothing in the JSON is lost.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/labels.h"

namespace patnav::report {

struct Column {
  std::string key;  // the row field; "by_country.US" for a flattened object field
  Bilingual label;
};

struct Table {
  std::string id;    // the analysis name for its main table, else "name_field"
  Bilingual caption; // empty for the main table
  std::vector<Column> columns;
  // rows[i][j] is the cell of columns[j]: a scalar, null, or an array of scalars.
  std::vector<std::vector<nlohmann::ordered_json>> rows;
};

struct AnalysisView {
  std::vector<Table> tables;  // the main table first; may be empty of rows
  // Scalar fields of an object-shaped analysis, e.g. lifecycle's stage and rule.
  std::vector<std::pair<std::string, nlohmann::ordered_json>> parameters;
};

// True for the columns holding fractions shown as percentages (share, cr4,
// growth, ...): docs/landscape-json.md gives them as fractions in [0, 1].
bool IsFractionColumn(std::string_view key);

// A parameter value as text: a "period" pair of years as "2015–2019", a
// life-cycle stage by its name in both languages, anything else as
// DisplayValue.
Bilingual ParameterText(std::string_view key, const nlohmann::ordered_json& value);

// The view of analysis `name` whose JSON is `value`. Never fails: an
// unexpected shape yields fewer tables, never an error.
AnalysisView ViewOf(std::string_view name, const nlohmann::ordered_json& value);

// The number of data rows of the analysis's main table (0 for an empty or
// malformed analysis): what decides whether it gets a chart.
size_t MainRowCount(std::string_view name, const nlohmann::ordered_json& value);

}  // namespace patnav::report
