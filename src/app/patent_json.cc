// The JSON forms of patent-data results (patent_json.h).
#include "app/patent_json.h"

#include <cmath>
#include <string>

namespace patnav::app {

namespace {

OrderedJson CountsJson(const ValueCounts& rows) {
  OrderedJson o = OrderedJson::object();
  for (const auto& [k, v] : rows) o[k.empty() ? "(none)" : k] = v;
  return o;
}

double Rounded(double v, double scale) { return std::round(v * scale) / scale; }

}  // namespace

OrderedJson HitJson(const index::SearchHit& hit) {
  OrderedJson j;
  j["publication_number"] = hit.publication_number;
  j["title"] = hit.title;
  j["applicants"] = hit.applicants;
  j["publication_date"] = hit.publication_date;
  j["filing_date"] = hit.filing_date;
  j["priority_date"] = hit.priority_date;
  j["score"] = Rounded(hit.score, 10000);
  return j;
}

OrderedJson SearchResultJson(const index::SearchResult& r, bool facets) {
  OrderedJson j;
  j["total"] = r.total;
  j["hits"] = OrderedJson::array();
  for (const auto& h : r.hits) j["hits"].push_back(HitJson(h));
  j["facets"] = OrderedJson::object();
  if (facets) {
    for (std::string_view key : kSearchFacetKeys) {
      OrderedJson values = OrderedJson::array();
      if (auto it = r.facets.find(std::string(key)); it != r.facets.end())
        for (const auto& [value, count] : it->second) values.push_back({{"value", value}, {"count", count}});
      j["facets"][std::string(key)] = std::move(values);
    }
  }
  return j;
}

OrderedJson SimilarResultJson(const index::SimilarResult& r) {
  OrderedJson j;
  if (!r.publication_number.empty()) j["publication_number"] = r.publication_number;
  j["query_terms"] = r.query_terms;
  j["hits"] = OrderedJson::array();
  for (const auto& h : r.hits) {
    OrderedJson hit = HitJson(h.hit);
    hit["percent"] = h.percent;
    hit["matched_terms"] = h.matched_terms;
    j["hits"].push_back(std::move(hit));
  }
  return j;
}

OrderedJson StoreStatsJson(const StoreStats& s) {
  OrderedJson j;
  j["publications"] = s.publications;
  j["with_full_text"] = s.with_full_text;
  j["by_country"] = CountsJson(s.by_country);
  j["by_kind"] = CountsJson(s.by_kind);
  j["by_year"] = CountsJson(s.by_year);
  j["by_format"] = CountsJson(s.by_format);
  return j;
}

namespace {

OrderedJson BriefJson(const PublicationBrief& b) {
  OrderedJson j;
  j["publication_number"] = b.publication_number;
  j["country"] = b.country;
  j["kind"] = b.kind;
  j["publication_date"] = b.publication_date;
  j["title"] = b.title;
  return j;
}

OrderedJson BriefsJson(const std::vector<PublicationBrief>& briefs) {
  OrderedJson a = OrderedJson::array();
  for (const PublicationBrief& b : briefs) a.push_back(BriefJson(b));
  return a;
}

}  // namespace

OrderedJson PatentLinksJson(const PatentLinksResult& links) {
  OrderedJson j;
  j["publication_number"] = links.publication_number;
  j["cites"] = OrderedJson::array();
  for (const CitedPublication& c : links.cites) {
    OrderedJson e;
    e["cited_number"] = CitedNumber(c.citation);
    e["country"] = c.citation.country;
    e["doc_number"] = c.citation.doc_number;
    e["kind"] = c.citation.kind;
    e["date"] = c.citation.date;
    e["category"] = c.citation.category;
    e["stored"] = c.stored ? BriefJson(*c.stored) : OrderedJson(nullptr);
    j["cites"].push_back(std::move(e));
  }
  j["cited_by_total"] = links.cited_by_total;
  j["cited_by_offset"] = links.cited_by_offset;
  j["cited_by"] = BriefsJson(links.cited_by);
  j["family_id"] = links.family_id;
  j["family"] = BriefsJson(links.family);
  return j;
}

OrderedJson PatentValueJson(const domain::PatentValue& v) {
  OrderedJson j;
  j["publication_number"] = v.publication_number;
  j["overall"] = Rounded(v.overall, 100);
  j["legal"] = Rounded(v.legal, 100);
  j["technical"] = Rounded(v.technical, 100);
  j["economic"] = Rounded(v.economic, 100);
  j["in_force"] = v.in_force;
  j["expires_on"] = v.expires_on;
  j["indicators"] = OrderedJson::array();
  for (const auto& i : v.indicators)
    j["indicators"].push_back({{"dimension", i.dimension},
                               {"indicator", i.name},
                               {"observed", i.observed},
                               {"score", Rounded(i.score, 1000)},
                               {"dimension_points", Rounded(i.points, 100)},
                               {"overall_points", Rounded(i.overall_points, 100)},
                               {"basis", i.basis}});
  return j;
}

OrderedJson PatentValuesJson(const std::vector<domain::PatentValue>& values) {
  OrderedJson j = OrderedJson::array();
  for (const auto& v : values) j.push_back(PatentValueJson(v));
  return j;
}

}  // namespace patnav::app
