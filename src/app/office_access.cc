// The IP office's access rule and its holiday calendar (office_access.h).
#include "app/office_access.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/strings.h"

namespace patnav::app {

bool ActsForOffice(const Caller& c, const std::string& province) {
  if (c.anonymous) return false;
  if (c.local || c.IsAdministrator()) return true;
  for (const domain::Grant& g : c.grants)
    if (g.role == domain::Role::kReviewer && g.province == province) return true;
  return false;
}

bool HasOfficeRole(const Caller& c) {
  if (c.anonymous) return false;
  if (c.local || c.IsAdministrator()) return true;
  for (const domain::Grant& g : c.grants)
    if (g.role == domain::Role::kReviewer) return true;
  return false;
}

Status AuthorizeOffice(const Caller& c, const std::string& province) {
  if (c.anonymous) return Status::Unauthenticated("sign in first");
  if (!HasOfficeRole(c)) return Status::PermissionDenied("this is for the IP office (administrators and reviewers)");
  if (!ActsForOffice(c, province)) return Status::NotFound("unknown province '" + province + "'");
  return Status::OK();
}

Result<OfficeCalendar> LoadOfficeCalendar(const Workspace& ws) {
  namespace fs = std::filesystem;
  OfficeCalendar out;
  const fs::path dir = ws.dir() / "calendars";
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_directory(dir, ec))
    for (const fs::directory_entry& e : fs::directory_iterator(dir, ec))
      if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in.good() && !in.eof()) return Status::NotFound("cannot read " + f.string());
    ASSIGN_OR_RETURN(domain::WorkingCalendar one, domain::WorkingCalendar::Parse(text.str(), f.filename().string()));
    RETURN_IF_ERROR(out.calendar.Merge(one));
  }
  if (files.empty())
    out.warnings.push_back("no holiday calendar in " + dir.string() + ": working days are Monday to Friday");
  return out;
}

void WarnUncovered(const OfficeCalendar& cal, const std::string& date, std::vector<std::string>& warnings) {
  if (date.size() < 4 || cal.calendar.years().empty() || !IsAsciiDigits(std::string_view(date).substr(0, 4))) return;
  const int year = std::stoi(date.substr(0, 4));
  if (!cal.calendar.CoversYear(year))
    warnings.push_back("no holiday calendar for " + date.substr(0, 4) + ": working days after " +
                       "the covered years count Monday to Friday only");
}

}  // namespace patnav::app
