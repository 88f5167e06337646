// The current owner from recorded transfers (ownership.h).
#include "domain/ownership.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "model/conveyance.h"

namespace patnav::domain {

namespace {

// Names compared for a chain check: letters and digits, upper case.
std::string NameKey(std::string_view name) {
  std::string k;
  for (char c : name)
    if (std::isalnum(static_cast<unsigned char>(c))) k.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return k;
}

OwnershipTransfer Transfer(const LegalEvent& e) {
  OwnershipTransfer t;
  t.recorded = e.event_date;
  t.date = e.effective_date.empty() ? e.event_date : e.effective_date;
  t.reference = e.reference;
  t.conveyance = e.conveyance;
  for (const LegalEventParty& p : e.parties) {
    if (p.role == "assignor") t.from.push_back(p.name);
    else if (p.role == "assignee") t.to.push_back(p.name);
  }
  return t;
}

}  // namespace

Ownership CurrentOwnership(const PatentRecord& r, const std::vector<LegalEvent>& events, std::string_view as_of) {
  Ownership out;
  std::set<std::string> seen;  // one transaction may reach us twice (by subject and by application)
  for (const LegalEvent& e : events) {
    ConveyanceKind kind;
    if (e.conveyance.empty() || !ParseConveyanceKind(e.conveyance, kind)) continue;
    if (e.event_date > as_of) continue;
    if (!seen.insert(e.reference + "|" + e.event_date + "|" + e.conveyance).second) continue;
    (MovesOwnership(kind) ? out.chain : out.encumbrances).push_back(Transfer(e));
  }
  auto order = [](const OwnershipTransfer& a, const OwnershipTransfer& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.recorded != b.recorded) return a.recorded < b.recorded;
    return a.reference < b.reference;
  };
  std::stable_sort(out.chain.begin(), out.chain.end(), order);
  std::stable_sort(out.encumbrances.begin(), out.encumbrances.end(), order);

  std::vector<std::string> owners;
  for (const Party& p : r.assignees.empty() ? r.applicants : r.assignees) owners.push_back(p.name);
  for (size_t i = 0; i < out.chain.size(); ++i) {
    const OwnershipTransfer& t = out.chain[i];
    if (i > 0) {
      std::set<std::string> previous;
      for (const std::string& n : owners) previous.insert(NameKey(n));
      bool linked = false;
      for (const std::string& n : t.from) linked = linked || previous.count(NameKey(n));
      if (!linked)
        out.notes.push_back("chain break: " + t.reference + " (" + t.recorded + ") conveys from " +
                            (t.from.empty() ? std::string("nobody") : t.from.front()) +
                            ", who was not the owner of record");
    }
    owners = t.to;
  }
  out.current = owners;
  if (!out.chain.empty()) {
    const OwnershipTransfer& last = out.chain.back();
    // An EP Register applicant change has no reel/frame.
    out.basis = "recorded " + last.conveyance + (last.reference.empty() ? "" : ", reel/frame " + last.reference) +
                " (recorded " + last.recorded +
                (last.date != last.recorded ? ", effective " + last.date : "") + ")";
  } else if (!r.assignees.empty()) {
    out.basis = "the assignees as published (no recorded transfer)";
  } else if (!r.applicants.empty()) {
    out.basis = "the applicants as published (no recorded transfer)";
  } else {
    out.basis = "unknown: no owner published and no recorded transfer";
  }
  for (const OwnershipTransfer& t : out.encumbrances)
    out.notes.push_back(t.conveyance + " recorded " + t.recorded + " (reel/frame " + t.reference + ") from " +
                        (t.from.empty() ? "?" : t.from.front()) + " to " + (t.to.empty() ? "?" : t.to.front()) +
                        ": ownership unchanged");
  return out;
}

}  // namespace patnav::domain
