// BuildDocument: PatentRecord -> Xapian::Document.
#include "index/document_builder.h"

#include <algorithm>
#include <functional>

#include "index/classification_terms.h"
#include "index/document_data.h"
#include "index/document_terms.h"
#include "index/facet_values.h"
#include "index/index_schema.h"
#include "index/text_analysis.h"
#include "model/party.h"

namespace patnav::index {
namespace {

// Glass refuses terms over 245 bytes; boolean values are cut below that.
constexpr size_t kMaxBooleanTermBytes = 240;

// The title in the publication's language, else English, else the first
// (as the store's publications.title).
std::string MainTitle(const PatentRecord& r) {
  if (auto it = r.title.find(r.language); it != r.title.end() && !it->second.empty()) return it->second;
  if (auto it = r.title.find("en"); it != r.title.end() && !it->second.empty()) return it->second;
  for (const auto& [lang, text] : r.title)
    if (!text.empty()) return text;
  return {};
}

void AddBoolean(Xapian::Document& doc, std::string_view prefix, std::string_view value) {
  std::string term = BooleanTerm(prefix, value);
  if (!term.empty()) doc.add_boolean_term(term);
}

// Indexes `text` under `prefix`, with a gap after the previous text of the
// same field, so a phrase never spans two claims or two languages.
struct TextIndexer {
  Xapian::Document& doc;
  bool positions = true;

  void Add(std::string_view text, std::string_view prefix, Xapian::termpos* pos) {
    if (text.empty()) return;
    if (*pos != 0) *pos += kFieldGap;
    IndexText(doc, text, prefix, pos, 1, positions);
  }
};

void SetDate(Xapian::Document& doc, Xapian::valueno slot, std::string_view iso) {
  const int64_t n = DateNumber(iso);
  if (n >= 0) doc.add_value(slot, Xapian::sortable_serialise(static_cast<double>(n)));
}

// The terms of `r`, in the order the document gets them: free text through
// text(text, prefix, &position) (positions run per field, with a gap
// between texts of one field so a phrase never spans two claims or two
// languages) and boolean terms through boolean(prefix, value). The one
// place that decides which terms a record has, for BuildDocument and
// ForEachDocumentTerm alike.
template <typename ValueFn>
void LayLegalStatus(const IndexedLegalStatus& status, ValueFn&& fn) {
  std::string_view group = LegalStatusGroup(status.state);
  if (group.empty()) return;
  fn(group);
  if (group != status.state) fn(status.state);
}

template <typename TextFn, typename BoolFn>
void LayTerms(const PatentRecord& r, TextFn&& text, BoolFn&& boolean) {
  Xapian::termpos title_pos = 0, abstract_pos = 0, claims_pos = 0, description_pos = 0;
  for (const auto& [lang, t] : r.title) text(t, kTitle, &title_pos);
  for (const auto& [lang, t] : r.abstract_text) text(t, kAbstract, &abstract_pos);
  for (const Claim& c : r.claims) text(c.text, kClaims, &claims_pos);
  text(r.description, kDescription, &description_pos);

  Xapian::termpos applicant_pos = 0, inventor_pos = 0;
  for (const auto* parties : {&r.applicants, &r.assignees})
    for (const Party& p : *parties) {
      text(p.name, kApplicantText, &applicant_pos);
      boolean(kApplicantKey, ApplicantKey(p));
    }
  for (const Party& p : r.inventors) text(p.name, kInventorText, &inventor_pos);

  boolean(kId, r.publication_number);
  boolean(kCountry, r.country);
  boolean(kKind, r.kind);
  const int64_t pd = DateNumber(r.publication_date);
  boolean(kYear, pd >= 0 ? r.publication_date.substr(0, 4) : std::string());
  for (const std::string& symbol : r.ipc)
    for (const std::string& level : ClassificationLevels(symbol)) boolean(kIpc, level);
  for (const std::string& symbol : r.cpc)
    for (const std::string& level : ClassificationLevels(symbol)) boolean(kCpc, level);
  for (const Citation& c : r.citations)
    boolean(kCitation, c.publication_number.empty() ? c.country + c.doc_number + c.kind : c.publication_number);
}

}  // namespace

std::string BooleanTerm(std::string_view prefix, std::string_view value) {
  if (value.empty()) return {};
  std::string term(prefix);
  if (term.size() + value.size() > kMaxBooleanTermBytes) {
    size_t n = kMaxBooleanTermBytes - std::min(term.size(), kMaxBooleanTermBytes);
    while (n > 0 && (static_cast<unsigned char>(value[n]) & 0xC0) == 0x80) --n;  // UTF-8 boundary
    value = value.substr(0, n);
  }
  term += value;
  return term;
}

std::string ApplicantKey(const Party& p) {
  return p.normalized.empty() ? NormalizeOrganisation(p.name) : p.normalized;
}

std::vector<std::string> FacetApplicantKeys(const PatentRecord& r) {
  std::vector<std::string> keys;
  auto collect = [&](const std::vector<Party>& parties) {
    for (const Party& p : parties) {
      std::string k = ApplicantKey(p);
      if (!k.empty() && std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(std::move(k));
    }
  };
  collect(r.applicants);
  if (keys.empty()) collect(r.assignees);
  return keys;
}

int64_t DateNumber(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return -1;
  int64_t n = 0;
  for (size_t i = 0; i < iso.size(); ++i) {
    if (i == 4 || i == 7) continue;
    if (iso[i] < '0' || iso[i] > '9') return -1;
    n = n * 10 + (iso[i] - '0');
  }
  return n;
}

Xapian::Document BuildDocument(const PatentRecord& r, int64_t forward_citations, const IndexedLegalStatus* status,
                               const DocumentLayout& layout) {
  Xapian::Document doc;
  TextIndexer text{doc, layout.positions};
  LayTerms(
      r, [&](std::string_view t, std::string_view prefix, Xapian::termpos* pos) { text.Add(t, prefix, pos); },
      [&](std::string_view prefix, std::string_view value) { AddBoolean(doc, prefix, value); });
  const int64_t pd = DateNumber(r.publication_date);
  const std::string year = pd >= 0 ? r.publication_date.substr(0, 4) : std::string();
  std::vector<std::string> subclasses;
  for (const std::string& symbol : r.ipc) {
    std::string sub = ClassificationSubclass(symbol);
    if (!sub.empty()) subclasses.push_back(std::move(sub));
  }

  if (status) LayLegalStatus(*status, [&](std::string_view value) { AddBoolean(doc, kLegalState, value); });

  // ---- Values ----
  if (status) SetDate(doc, kExpiry, status->expiry);
  SetDate(doc, kPublicationDate, r.publication_date);
  SetDate(doc, kFilingDate, r.filing_date);
  SetDate(doc, kPriorityDate, r.priority_date);
  SetDate(doc, kGrantDate, r.grant_date);
  doc.add_value(kForwardCitations, Xapian::sortable_serialise(static_cast<double>(forward_citations)));
  const int claims = r.claims_count ? *r.claims_count : static_cast<int>(r.claims.size());
  doc.add_value(kClaimsCount, Xapian::sortable_serialise(claims));
  if (!layout.data) return doc;
  const auto set_facet = [&doc](Xapian::valueno slot, const std::vector<std::string>& values) {
    std::string encoded = EncodeFacetValues(values);
    if (!encoded.empty()) doc.add_value(slot, encoded);
  };
  set_facet(kFacetApplicants, FacetApplicantKeys(r));
  set_facet(kFacetCountry, {r.country});
  set_facet(kFacetIpcSubclasses, subclasses);
  set_facet(kFacetYear, {year});

  // ---- Data ----
  DocumentData data;
  data.pn = r.publication_number;
  data.title = MainTitle(r);
  for (const auto* parties : {&r.applicants, &r.assignees}) {
    for (const Party& p : *parties) data.applicants.push_back(p.name);
    if (!data.applicants.empty()) break;
  }
  data.pd = r.publication_date;
  data.fd = r.filing_date;
  data.prd = r.priority_date;
  data.cc = r.country;
  data.kind = r.kind;
  doc.set_data(EncodeDocumentData(data));
  return doc;
}

}  // namespace patnav::index

namespace patnav::index {

void ForEachFreeText(const PatentRecord& r,
                     const std::function<void(std::string_view text, std::string_view prefix, Xapian::termpos* pos)>& fn,
                     bool description) {
  LayTerms(
      r,
      [&](std::string_view t, std::string_view prefix, Xapian::termpos* pos) {
        if (t.empty() || (!description && prefix == kDescription)) return;
        if (*pos != 0) *pos += kFieldGap;  // as TextIndexer::Add
        fn(t, prefix, pos);
      },
      [](std::string_view, std::string_view) {});
}

void ForEachDocumentTerm(const PatentRecord& r, const std::function<void(const std::string& term)>& fn,
                         bool description, const IndexedLegalStatus* status) {
  ForEachDocumentTermExcept(r, fn, description, status, nullptr);
}

void ForEachDocumentTermExcept(const PatentRecord& r, const std::function<void(const std::string& term)>& fn,
                               bool description, const IndexedLegalStatus* status,
                               const std::vector<std::string_view>* skip) {
  // Positions are not handed out: one counter serves every field.
  Xapian::termpos pos = 0;
  const std::function<void(const std::string&, Xapian::termpos)> term = [&fn](const std::string& t,
                                                                               Xapian::termpos) { fn(t); };
  ForEachDocumentField(
      r, [&](std::string_view text, std::string_view prefix) { ForEachIndexTerm(text, prefix, &pos, term); }, fn,
      description, status, skip);
}

void ForEachDocumentField(const PatentRecord& r,
                          const std::function<void(std::string_view text, std::string_view prefix)>& text,
                          const std::function<void(const std::string& term)>& boolean, bool description,
                          const IndexedLegalStatus* status, const std::vector<std::string_view>* skip) {
  auto skipped = [&](std::string_view prefix) {
    return skip && std::find(skip->begin(), skip->end(), prefix) != skip->end();
  };
  if (status && !skipped(kLegalState))
    LayLegalStatus(*status, [&](std::string_view value) {
      std::string term = BooleanTerm(kLegalState, value);
      if (!term.empty()) boolean(term);
    });
  LayTerms(
      r,
      [&](std::string_view t, std::string_view prefix, Xapian::termpos*) {
        if (t.empty() || (!description && prefix == kDescription) || skipped(prefix)) return;
        text(t, prefix);
      },
      [&](std::string_view prefix, std::string_view value) {
        if (skipped(prefix)) return;
        std::string term = BooleanTerm(prefix, value);
        if (!term.empty()) boolean(term);
      });
}

}  // namespace patnav::index
