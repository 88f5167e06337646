// ReadUsptoV4Term: the patent term facts of a v4 grant: <us-term-of-grant>
// (term extension days, disclaimer, length of grant) and the parents in
// <us-related-documents> whose filing date can start the term
// (continuation, division, continuation-in-part, and the PCT application of
// a 365(c) continuation). Provisional applications are not parents.
#include "model/dates.h"
#include "model/publication_number.h"
#include "readers/uspto_v4_common.h"
#include "readers/xml_document.h"
#include "readers/xml_text.h"

#include <cstdlib>

namespace patnav {

namespace {

std::optional<int> SmallInt(const pugi::xml_node& n) {
  std::string text = NodeText(n);
  if (text.empty() || text.size() > 6) return std::nullopt;
  for (char c : text) if (c < '0' || c > '9') return std::nullopt;
  return std::atoi(text.c_str());
}

void AddParent(const pugi::xml_node& doc_id, const std::string& relation, PatentRecord& r) {
  if (!doc_id) return;
  ParentApplication p;
  p.relation = relation;
  p.country = NodeText(doc_id.child("country"));
  p.doc_number = NodeText(doc_id.child("doc-number"));
  p.date = NormalizeDate(NodeText(doc_id.child("date")));
  if (p.doc_number.empty()) return;
  for (const auto& q : r.parent_applications) if (q.doc_number == p.doc_number && q.country == p.country) return;
  r.parent_applications.push_back(std::move(p));
}

// Every <parent-doc> under `n` (a parent's own parents nest inside it), and
// the PCT application of a 365(c) continuation.
void CollectParents(const pugi::xml_node& n, const std::string& relation, PatentRecord& r) {
  for (pugi::xml_node c : n.children()) {
    std::string_view name = c.name();
    if (name == "parent-doc") AddParent(c.child("document-id"), relation, r);
    if (name == "parent-pct-document") AddParent(c.child("document-id"), "pct", r);
    if (name == "parent-grant-document" || name == "child-doc") continue;
    CollectParents(c, relation, r);
  }
}

}  // namespace

void ReadUsptoV4Term(const pugi::xml_node& biblio, PatentRecord& r) {
  if (pugi::xml_node term = biblio.child("us-term-of-grant")) {
    if (auto days = SmallInt(term.child("us-term-extension"))) r.term_extension_days = *days;
    if (auto years = SmallInt(term.child("length-of-grant"))) r.length_of_grant_years = *years;
    if (term.child("disclaimer") || NodeText(term.child("text")).find("disclaim") != std::string::npos)
      r.terminal_disclaimer = true;
  }
  pugi::xml_node related = biblio.child("us-related-documents");
  for (pugi::xml_node c : related.children()) {
    std::string_view name = c.name();
    if (name == "continuation" || name == "division" || name == "continuation-in-part")
      CollectParents(c, std::string(name), r);
  }
}

}  // namespace patnav
