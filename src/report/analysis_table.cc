// Flattening analyses into tables (see analysis_table.h).
#include "report/analysis_table.h"

#include <map>

#include "base/strings.h"
#include "report/escape.h"

namespace patnav::report {
namespace {

using Json = nlohmann::ordered_json;

bool IsScalarOrScalarArray(const Json& v) {
  if (!v.is_structured()) return true;
  if (!v.is_array()) return false;
  for (const auto& item : v)
    if (item.is_structured()) return false;
  return true;
}

// Rows (objects) into a table: columns are the union of the row fields in
// first-seen order; an object field is flattened one level into
// "field.key" columns; anything deeper is kept as its JSON.
Table RowsTable(std::string id, Bilingual caption, const Json& rows) {
  Table t{std::move(id), std::move(caption), {}, {}};
  std::vector<std::string> keys;
  std::map<std::string, size_t> index;
  auto add_key = [&](const std::string& key, Bilingual label) {
    if (index.emplace(key, keys.size()).second) {
      keys.push_back(key);
      t.columns.push_back({key, std::move(label)});
    }
  };
  if (!rows.is_array()) return t;
  for (const auto& row : rows) {
    if (!row.is_object()) continue;
    for (const auto& [k, v] : row.items()) {
      if (v.is_object()) {
        for (const auto& [sub, unused] : v.items()) add_key(k + "." + sub, {sub, sub});
      } else {
        add_key(k, ColumnLabel(k));
      }
    }
  }
  for (const auto& row : rows) {
    if (!row.is_object()) continue;
    std::vector<Json> cells(keys.size());
    for (const auto& [k, v] : row.items()) {
      if (v.is_object()) {
        for (const auto& [sub, sv] : v.items())
          cells[index[k + "." + sub]] = IsScalarOrScalarArray(sv) ? sv : Json(sv.dump());
      } else {
        cells[index[k]] = IsScalarOrScalarArray(v) ? v : Json(v.dump());
      }
    }
    t.rows.push_back(std::move(cells));
  }
  return t;
}

// competitor_matrix: one row per applicant, one column per group.
Table MatrixTable(const Json& m) {
  Table t{"competitor_matrix", {}, {}, {}};
  auto array = [&](const char* key) {
    auto it = m.find(key);
    return it != m.end() && it->is_array() ? *it : Json::array();
  };
  Json applicants = array("applicants"), normalized = array("normalized"),
       groups = array("groups"), cells = array("cells");
  t.columns.push_back({"applicant", ColumnLabel("applicant")});
  bool has_normalized = normalized.size() == applicants.size() && !normalized.empty();
  if (has_normalized) t.columns.push_back({"normalized", ColumnLabel("normalized")});
  for (const auto& g : groups) {
    std::string code = g.is_string() ? g.get<std::string>() : g.dump();
    t.columns.push_back({"group:" + code, {code, code}});
  }
  for (size_t i = 0; i < applicants.size(); ++i) {
    std::vector<Json> row;
    row.push_back(applicants[i]);
    if (has_normalized) row.push_back(normalized[i]);
    for (size_t j = 0; j < groups.size(); ++j) {
      const Json* cell = nullptr;
      if (i < cells.size() && cells[i].is_array() && j < cells[i].size()) cell = &cells[i][j];
      row.push_back(cell ? *cell : Json(nullptr));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

// collaboration edges with node indexes resolved to names.
Table EdgesTable(const Json& collaboration) {
  Json nodes = collaboration.value("nodes", Json::array());
  Json edges = collaboration.value("edges", Json::array());
  if (!nodes.is_array()) nodes = Json::array();
  if (!edges.is_array()) edges = Json::array();
  Json named = Json::array();
  for (const auto& e : edges) {
    if (!e.is_object()) continue;
    Json row = e;
    for (const char* end : {"source", "target"}) {
      auto it = e.find(end);
      if (it != e.end() && it->is_number_integer()) {
        auto i = it->get<int64_t>();
        if (i >= 0 && static_cast<size_t>(i) < nodes.size() && nodes[i].is_object() &&
            nodes[i].contains("name"))
          row[end] = nodes[i]["name"];
      }
    }
    named.push_back(std::move(row));
  }
  return RowsTable("collaboration_edges", ColumnLabel("edges"), named);
}

}  // namespace

bool IsFractionColumn(std::string_view key) {
  for (std::string_view k : {"share", "cr4", "cr8", "growth", "member_share", "share_a", "share_b", "live_share"})
    if (key == k) return true;
  return false;
}

Bilingual ParameterText(std::string_view key, const Json& value) {
  if (StartsWith(key, "period") && value.is_array() && value.size() == 2 &&
      value[0].is_number_integer() && value[1].is_number_integer()) {
    std::string range = value[0].dump() + "–" + value[1].dump();
    return {range, range};
  }
  if (key == "stage" && value.is_string()) return ColumnLabel("stage_" + value.get<std::string>());
  std::string text = DisplayValue(value);
  return {text, text};
}

AnalysisView ViewOf(std::string_view name, const Json& value) {
  AnalysisView view;
  std::string id(name);
  if (value.is_array()) {
    view.tables.push_back(RowsTable(id, {}, value));
    return view;
  }
  if (!value.is_object()) {
    if (!value.is_null()) view.parameters.emplace_back(id, value);
    return view;
  }
  if (name == "competitor_matrix") {
    view.tables.push_back(MatrixTable(value));
    for (const auto& [k, v] : value.items())
      if (k != "applicants" && k != "normalized" && k != "groups" && k != "cells" &&
          IsScalarOrScalarArray(v))
        view.parameters.emplace_back(k, v);
    return view;
  }
  // The main table: "rows", else (collaboration) "nodes", else the first
  // array of objects; every other array of objects is a further table.
  std::string main_key;
  for (const char* key : {"rows", "nodes"})
    if (value.contains(key) && value[key].is_array()) { main_key = key; break; }
  if (main_key.empty())
    for (const auto& [k, v] : value.items())
      if (v.is_array() && !v.empty() && v.front().is_object()) { main_key = k; break; }
  if (!main_key.empty()) view.tables.push_back(RowsTable(id, {}, value[main_key]));
  for (const auto& [k, v] : value.items()) {
    if (k == main_key) continue;
    if (name == "collaboration" && k == "edges" && v.is_array()) {
      view.tables.push_back(EdgesTable(value));
    } else if (IsScalarOrScalarArray(v)) {
      view.parameters.emplace_back(k, v);
    } else if (v.is_array()) {
      view.tables.push_back(RowsTable(id + "_" + k, ColumnLabel(k), v));
    }
  }
  return view;
}

size_t MainRowCount(std::string_view name, const Json& value) {
  if (name == "competitor_matrix") {
    if (!value.is_object()) return 0;
    auto a = value.find("applicants"), g = value.find("groups");
    if (a == value.end() || g == value.end() || !a->is_array() || !g->is_array()) return 0;
    return g->empty() ? 0 : a->size();
  }
  AnalysisView view = ViewOf(name, value);
  return view.tables.empty() ? 0 : view.tables.front().rows.size();
}

}  // namespace patnav::report
