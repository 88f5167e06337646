// SnapshotBuilder: records to columns; citations resolved at the end.
#include "analytics/snapshot_builder.h"

#include <algorithm>

#include "base/strings.h"
#include "index/stopwords.h"
#include "index/text_analysis.h"

namespace patnav::analytics {

namespace {

uint16_t YearOf(std::string_view date) {
  if (date.size() < 4) return 0;
  int y = 0;
  for (int i = 0; i < 4; ++i) {
    if (date[i] < '0' || date[i] > '9') return 0;
    y = y * 10 + (date[i] - '0');
  }
  return static_cast<uint16_t>(y);
}

std::string PartyKey(const Party& p) {
  if (!p.normalized.empty()) return p.normalized;
  std::string key(p.name);
  for (char& c : key)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return key;
}

uint32_t InternParty(PartyTable& t, std::string_view key, const Party& p) {
  const size_t before = t.keys.size();
  const uint32_t id = t.keys.Intern(key);
  if (t.keys.size() > before) {
    t.names.Append(p.name);
    t.types.push_back(static_cast<uint8_t>(p.type));
  }
  return id;
}

// Sorts and deduplicates values appended for one row, then closes the row.
void CloseRow(MultiColumn& c, size_t row_start) {
  auto first = c.values.begin() + static_cast<std::ptrdiff_t>(row_start);
  std::sort(first, c.values.end());
  c.values.erase(std::unique(first, c.values.end()), c.values.end());
  c.offsets.push_back(static_cast<uint32_t>(c.values.size()));
}

std::string_view TitleOf(const PatentRecord& r) {
  if (auto it = r.title.find("en"); it != r.title.end() && !it->second.empty()) return it->second;
  for (const auto& [lang, text] : r.title)
    if (!text.empty()) return text;
  return {};
}

size_t Utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

void Shrink(MultiColumn& c) {
  c.offsets.shrink_to_fit();
  c.values.shrink_to_fit();
}

}  // namespace

std::vector<std::string> TitleTerms(std::string_view title) {
  std::vector<std::string> terms;
  for (const std::string& w : index::Words(title)) {
    if (w.empty()) continue;
    const auto lead = static_cast<unsigned char>(w[0]);
    if (lead >= 0xE0) {  // a CJK run (Words keeps runs whole)
      std::vector<std::string_view> chars;
      for (size_t i = 0; i < w.size();) {
        const size_t n = std::min(Utf8Length(static_cast<unsigned char>(w[i])), w.size() - i);
        chars.push_back(std::string_view(w).substr(i, n));
        i += n;
      }
      for (size_t i = 0; i + 1 < chars.size(); ++i) terms.push_back(std::string(chars[i]) + std::string(chars[i + 1]));
      continue;
    }
    if (lead >= '0' && lead <= '9') continue;
    if (w.size() < 3 || index::IsStopword(w)) continue;
    terms.push_back(w);
  }
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

SnapshotBuilder::SnapshotBuilder(bool with_text) { s_.has_text = with_text; }

void SnapshotBuilder::Add(int64_t id, const PatentRecord& r) {
  const uint32_t row = s_.size();
  s_.docid.push_back(static_cast<uint32_t>(id));
  s_.publication_number.Append(r.publication_number);
  s_.filing_year.push_back(YearOf(r.filing_date));
  s_.priority_year.push_back(YearOf(r.priority_date.empty() ? r.filing_date : r.priority_date));
  s_.publication_year.push_back(YearOf(r.publication_date));
  s_.country.push_back(static_cast<uint16_t>(s_.countries.Intern(r.country)));
  // The earliest priority claim's country; a first filing is its own priority.
  std::string_view priority_country = r.country;
  std::string_view earliest;
  for (const PriorityClaim& pc : r.priority_claims) {
    if (pc.country.empty()) continue;
    if (earliest.empty() || (!pc.date.empty() && pc.date < earliest)) {
      earliest = pc.date.empty() ? std::string_view("9999") : std::string_view(pc.date);
      priority_country = pc.country;
    }
  }
  s_.priority_country.push_back(static_cast<uint16_t>(s_.countries.Intern(priority_country)));
  s_.kind.push_back(static_cast<uint16_t>(s_.kinds.Intern(r.kind)));
  s_.claims.push_back(static_cast<uint16_t>(std::clamp(r.claims_count.value_or(0), 0, 65535)));
  s_.family.push_back(r.family_id.empty() ? 0 : s_.families.Intern(r.family_id) + 1);

  size_t start = s_.applicants.values.size();
  for (const Party& p : r.applicants.empty() ? r.assignees : r.applicants)
    if (!p.name.empty()) s_.applicants.values.push_back(InternParty(s_.applicant_table, PartyKey(p), p));
  CloseRow(s_.applicants, start);

  start = s_.inventors.values.size();
  for (const Party& p : r.inventors)
    if (!p.name.empty()) s_.inventors.values.push_back(InternParty(s_.inventor_table, p.name, p));
  CloseRow(s_.inventors, start);

  // Main groups in the record's order (the first is the main symbol's), distinct.
  start = s_.groups.values.size();
  for (const std::string& symbol : r.ipc.empty() ? r.cpc : r.ipc) {
    const uint32_t node = s_.classes.AddSymbol(symbol);
    if (node == UINT32_MAX) continue;
    if (std::find(s_.groups.values.begin() + static_cast<std::ptrdiff_t>(start), s_.groups.values.end(), node) ==
        s_.groups.values.end())
      s_.groups.values.push_back(node);
  }
  s_.groups.offsets.push_back(static_cast<uint32_t>(s_.groups.values.size()));

  // Citations: remember the cited numbers; rows are known only at the end.
  const uint32_t own = numbers_.Intern(r.publication_number);
  if (row_of_number_.size() <= own) row_of_number_.resize(own + 1, UINT32_MAX);
  row_of_number_[own] = row;
  start = cited_numbers_.values.size();
  for (const Citation& c : r.citations) {
    const std::string cited = c.publication_number.empty() ? c.country + c.doc_number + c.kind : c.publication_number;
    if (!cited.empty()) cited_numbers_.values.push_back(numbers_.Intern(cited));
  }
  CloseRow(cited_numbers_, start);

  if (s_.has_text) {
    const std::string_view title = TitleOf(r);
    s_.text.titles.Append(title);
    start = s_.text.title_terms.values.size();
    for (const std::string& t : TitleTerms(title)) s_.text.title_terms.values.push_back(s_.text.terms.Intern(t));
    CloseRow(s_.text.title_terms, start);
  }
}

Snapshot SnapshotBuilder::Finish() {
  const uint32_t n = s_.size();
  row_of_number_.resize(numbers_.size(), UINT32_MAX);
  // Backward adjacency: resolved rows, without self-citations and duplicates.
  MultiColumn& cites = s_.cites;
  cites.offsets.reserve(n + 1);
  cites.values.reserve(cited_numbers_.values.size());
  for (uint32_t row = 0; row < n; ++row) {
    const size_t start = cites.values.size();
    for (uint32_t number : cited_numbers_[row]) {
      const uint32_t target = row_of_number_[number];
      if (target != UINT32_MAX && target != row) cites.values.push_back(target);
    }
    CloseRow(cites, start);
  }
  cited_numbers_ = MultiColumn();
  std::vector<uint32_t>().swap(row_of_number_);
  numbers_ = Dictionary();
  // Forward adjacency: the transpose, by counting.
  MultiColumn& by = s_.cited_by;
  by.offsets.assign(n + 1, 0);
  for (uint32_t target : cites.values) ++by.offsets[target + 1];
  for (uint32_t i = 0; i < n; ++i) by.offsets[i + 1] += by.offsets[i];
  by.values.resize(cites.values.size());
  std::vector<uint32_t> next(by.offsets.begin(), by.offsets.end() - 1);
  for (uint32_t row = 0; row < n; ++row)
    for (uint32_t target : cites[row]) by.values[next[target]++] = row;

  for (Dictionary* d : {&s_.countries, &s_.kinds, &s_.families, &s_.applicant_table.keys, &s_.inventor_table.keys,
                        &s_.classes.codes, &s_.text.terms})
    d->Seal();
  for (MultiColumn* c : {&s_.applicants, &s_.inventors, &s_.groups, &s_.cites, &s_.cited_by, &s_.text.title_terms})
    Shrink(*c);
  for (StringColumn* c : {&s_.publication_number, &s_.applicant_table.names, &s_.inventor_table.names, &s_.text.titles}) {
    c->offsets.shrink_to_fit();
    c->arena.shrink_to_fit();
  }
  s_.docid.shrink_to_fit();
  for (auto* v : {&s_.filing_year, &s_.priority_year, &s_.publication_year, &s_.country, &s_.priority_country,
                  &s_.kind, &s_.claims})
    v->shrink_to_fit();
  s_.family.shrink_to_fit();
  s_.applicant_table.types.shrink_to_fit();
  s_.inventor_table.types.shrink_to_fit();
  return std::move(s_);
}

Result<Snapshot> BuildSnapshot(PatentStore& store, const BuildOptions& options) {
  ASSIGN_OR_RETURN(std::string store_id, store.StoreId());
  ASSIGN_OR_RETURN(int64_t sequence, store.LastChangeSequence());
  ASSIGN_OR_RETURN(int64_t total, store.Count());
  SnapshotBuilder builder(options.with_text);
  int64_t done = 0;
  int64_t last_id = 0;
  Status order = Status::OK();
  RETURN_IF_ERROR(store.ForEachChangedSince(
      0,
      [&](const ChangedPublication& p) {
        if (p.id <= last_id || p.id > int64_t{UINT32_MAX}) {
          order = Status::Internal("analytics snapshot: publication ids out of order or too large at id " +
                                   std::to_string(p.id));
          return false;
        }
        last_id = p.id;
        builder.Add(p.id, *p.record);
        if (options.progress && ++done % 10'000 == 0) options.progress(done, total);
        return true;
      },
      /*with_description=*/false));
  RETURN_IF_ERROR(order);
  if (options.progress) options.progress(total, total);
  Snapshot s = builder.Finish();
  s.store_id = std::move(store_id);
  s.store_sequence = sequence;
  return s;
}

}  // namespace patnav::analytics
