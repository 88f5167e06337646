// The competitor dashboard (competitor_dashboard.h): the publications read
// are only the competitors' own (the store's index of grouping keys); the
// legal events read are only those of the competitors' patents and the
// ownership transactions dated in the window.
#include "domain/competitor_dashboard.h"

#include <algorithm>
#include <optional>

#include "model/conveyance.h"
#include "model/party.h"
#include "model/publication_number.h"

namespace patnav::domain {

namespace {

struct Tally {
  std::set<std::string> countries_before, countries_window, ipc_before, ipc_window;
  std::set<std::string> subjects;  // every patent of the competitor, as country + doc number
};

std::string Names(const LegalEvent& e, const char* role) {
  std::string out;
  for (const LegalEventParty& p : e.parties)
    if (p.role == role) out += (out.empty() ? "" : "; ") + p.name;
  return out;
}

void Note(std::vector<CompetitorActivity::Move>& list, int64_t& count, CompetitorActivity::Move m) {
  ++count;
  list.push_back(std::move(m));
}

void Finish(std::vector<CompetitorActivity::Move>& list) {
  std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
    return a.date != b.date ? a.date < b.date : a.patent < b.patent;
  });
  if (list.size() > kMaxListed) list.resize(kMaxListed);
}

std::string Subclass(const std::string& ipc) {
  std::string out;
  for (char c : ipc)
    if (c != ' ') out.push_back(c);
  return out.substr(0, 4);
}

bool CitesPool(const PatentRecord& r, const std::set<std::string>& pool) {
  for (const Citation& c : r.citations) {
    Result<PublicationKey> key =
        ParsePublicationNumber(!c.publication_number.empty() ? c.publication_number : c.country + c.doc_number);
    if (key.ok() && pool.count(key->country + key->doc_number)) return true;
  }
  return false;
}

std::vector<std::string> Gained(const std::set<std::string>& window, const std::set<std::string>& before) {
  std::vector<std::string> out;
  for (const std::string& s : window)
    if (!before.count(s)) out.push_back(s);
  return out;
}

}  // namespace

Result<std::vector<CompetitorActivity>> CompetitorDashboard(PatentStore& store,
                                                            const std::vector<Competitor>& competitors,
                                                            const std::set<std::string>& pool_subjects,
                                                            const std::string& from, const std::string& to) {
  if (from > to) return Status::InvalidArgument("from: " + from + " is after " + to);
  std::vector<CompetitorActivity> out;
  std::vector<std::set<std::string>> keys;
  for (const Competitor& c : competitors) {
    out.push_back({.name = c.name, .applicants = c.applicants});
    std::set<std::string> k;
    for (const std::string& a : c.applicants) k.insert(NormalizeOrganisation(a));
    keys.push_back(std::move(k));
  }
  std::vector<Tally> tallies(competitors.size());
  // The competitors' publications, by the store's index of grouping keys:
  // publication number -> the competitors it belongs to.
  std::map<std::string, std::vector<size_t>> theirs;
  for (size_t i = 0; i < competitors.size(); ++i)
    for (const std::string& k : keys[i]) {
      if (k.empty()) continue;
      ASSIGN_OR_RETURN(std::vector<std::string> numbers, store.PublicationsOfParty(k));
      for (std::string& pn : numbers) {
        std::vector<size_t>& of = theirs[std::move(pn)];
        if (of.empty() || of.back() != i) of.push_back(i);
      }
    }
  for (const auto& [pn, of] : theirs) {
    ASSIGN_OR_RETURN(std::optional<PatentRecord> found, store.Get(pn));
    if (!found) continue;
    const PatentRecord& r = *found;
    const std::string& date = r.publication_date;
    if (date.empty() || date > to) continue;
    const bool in_window = date >= from;
    for (size_t i : of) {
      CompetitorActivity& a = out[i];
      Tally& t = tallies[i];
      t.subjects.insert(r.country + r.doc_number);
      (in_window ? t.countries_window : t.countries_before).insert(r.country);
      for (const std::string& ipc : r.ipc) (in_window ? t.ipc_window : t.ipc_before).insert(Subclass(ipc));
      if (!in_window) {
        ++a.publications_before;
        continue;
      }
      ++a.publications;
      ++a.per_month[date.substr(0, 7)];
      if (CitesPool(r, pool_subjects)) ++a.citing_pool;
    }
  }
  // Lapses: the events of the competitors' own patents, dated in the window.
  for (size_t i = 0; i < competitors.size(); ++i)
    for (const std::string& subject : tallies[i].subjects) {
      ASSIGN_OR_RETURN(std::vector<LegalEvent> events, store.LegalEventsOf(subject));
      for (const LegalEvent& e : events) {
        if (e.event_date < from || e.event_date > to || e.event_class != 'H' || e.influence != '-') continue;
        std::string code = e.inpadoc_code.empty() && !e.sources.empty() ? e.sources[0].code
                                                                        : e.inpadoc_office + " " + e.inpadoc_code;
        Note(out[i].lapsed, out[i].lapsed_count, {e.subject, e.event_date, code});
      }
    }
  // Ownership moves: the transactions dated in the window.
  RETURN_IF_ERROR(store.ForEachTransferBetween(from, to, [&](int64_t, const LegalEvent& e) {
    ConveyanceKind kind;
    if (e.parties.empty() || !ParseConveyanceKind(e.conveyance, kind) || !MovesOwnership(kind)) return true;
    for (size_t i = 0; i < competitors.size(); ++i) {
      CompetitorActivity& a = out[i];
      bool receives = false, conveys = false;
      for (const LegalEventParty& p : e.parties) {
        if (!keys[i].count(NormalizeOrganisation(p.name))) continue;
        receives = receives || p.role == "assignee";
        conveys = conveys || p.role == "assignor";
      }
      if (receives && !conveys) Note(a.acquired, a.acquired_count, {e.subject, e.event_date, Names(e, "assignor")});
      if (conveys && !receives) Note(a.sold, a.sold_count, {e.subject, e.event_date, Names(e, "assignee")});
    }
    return true;
  }));
  for (size_t i = 0; i < out.size(); ++i) {
    Finish(out[i].acquired);
    Finish(out[i].sold);
    Finish(out[i].lapsed);
    out[i].new_countries = Gained(tallies[i].countries_window, tallies[i].countries_before);
    out[i].ipc_gained = Gained(tallies[i].ipc_window, tallies[i].ipc_before);
  }
  return out;
}

}  // namespace patnav::domain
