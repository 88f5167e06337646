// Royalty-report calls (royalties.h).
#include "app/royalties.h"

#include <set>

#include "app/tenancy.h"
#include "base/strings.h"
#include "domain/alliance_scope.h"
#include "domain/money.h"
#include "domain/period.h"

namespace patnav::app {

namespace {

// The report given line by line, its figures parsed for the programme's basis.
Result<domain::RoyaltyReportInput> TypedReport(const FileRoyaltiesRequest& req, const domain::Programme& prog) {
  if (req.licensee.empty() || req.programme.empty() || req.period.empty())
    return Status::InvalidArgument("royalty lines need a licensee, a programme and a period");
  domain::RoyaltyReportInput r;
  r.licensee = req.licensee;
  r.programme = req.programme;
  r.period = req.period;
  r.currency = req.currency;
  r.source = req.source.empty() ? "command line" : req.source;
  for (const RoyaltyLine& l : req.lines) {
    const std::string what = "royalty line '" + l.country + "=" + l.figure + "'";
    domain::RoyaltyLineInput line;
    line.country = AsciiUpper(Trim(l.country));
    std::string figure(Trim(l.figure));
    if (prog.basis == domain::RoyaltyBasis::kNetSales) {
      Result<int64_t> v = domain::ParseAmount(figure, prog.currency);
      if (!v.ok()) return Status::InvalidArgument(what + ": " + v.status().message());
      line.net_sales_minor = *v;
    } else {
      if (StartsWith(figure, "-")) return Status::InvalidArgument(what + ": negative amount");
      if (!IsAsciiDigits(figure) || figure.empty() || figure.size() > 17)
        return Status::InvalidArgument(what + ": units must be a whole number");
      line.units = std::stoll(figure);
    }
    r.lines.push_back(line);
  }
  return r;
}

}  // namespace

Result<FileRoyaltiesResult> FileRoyalties(const Caller& caller, Workspace& ws, const FileRoyaltiesRequest& req) {
  // Who may file is known only once the reports are read: the caller must at
  // least see the alliance; each report's licensee is authorised below.
  if (caller.anonymous) return Status::Unauthenticated("sign in first");
  if (req.alliance.empty()) RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kFileRoyaltyReport));
  else if (!caller.local && !SeesAlliance(caller, req.alliance))
    return Status::NotFound("unknown alliance '" + req.alliance + "'");
  if (!req.licensee.empty())
    RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, Action::kFileRoyaltyReport, {"", "", req.licensee}));
  if (req.csv_text.empty() && req.lines.empty())
    return Status::InvalidArgument("give royalty lines or a CSV of them");
  FileRoyaltiesResult out;
  // A preview computes inside the filing's transaction, then refuses it so
  // that it is rolled back; only that refusal is not the caller's error.
  bool previewed = false;
  const Status filed = ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    return ops.Write([&]() -> Status {
      ASSIGN_OR_RETURN(domain::Alliance a, domain::DefaultAlliance(ops, req.alliance));
      std::vector<domain::RoyaltyReportInput> reports;
      if (!req.csv_text.empty()) {
        ASSIGN_OR_RETURN(reports, domain::ParseRoyaltyCsv(ops, req.csv_text, req.source, a.id));
      }
      if (!req.lines.empty()) {
        RETURN_IF_ERROR(Authorize(caller, Action::kFileRoyaltyReport, {a.name, "", req.licensee}));
        ASSIGN_OR_RETURN(domain::Programme prog, domain::FindProgrammeIn(ops, a.id, req.programme));
        ASSIGN_OR_RETURN(domain::RoyaltyReportInput r, TypedReport(req, prog));
        reports.push_back(std::move(r));
      }
      std::set<std::string> checked;
      for (const auto& r : reports) {
        if (!checked.insert(r.licensee).second) continue;
        RETURN_IF_ERROR(Authorize(caller, Action::kFileRoyaltyReport, {a.name, "", r.licensee}));
        RETURN_IF_ERROR(domain::FindLicenseeIn(ops, a.id, r.licensee).status());
      }
      for (const auto& r : reports) RETURN_IF_ERROR(domain::FindProgrammeIn(ops, a.id, r.programme).status());
      ASSIGN_OR_RETURN(out.reports, domain::ReportRoyalties(ops, reports));
      if (!req.preview) return Status::OK();
      previewed = true;
      return Status::Internal("royalty preview: rolled back");
    });
  }, /*create=*/false);
  if (!filed.ok() && !previewed) return filed;
  if (previewed) {
    out.recorded = false;
    for (auto& r : out.reports) r.report_id = r.txn_id = 0;
  }
  for (const auto& r : out.reports) {
    out.lines += r.lines;
    out.totals_minor[r.currency] += r.total_minor;
  }
  return out;
}

Result<ListRoyaltyReportsResult> ListRoyaltyReports(const Caller& caller, Workspace& ws,
                                                    const ListRoyaltyReportsRequest& req) {
  const Action action = req.licensee.empty() ? Action::kReadAllianceMoney : Action::kReadLicensee;
  const Scope scope{"", "", req.licensee};
  RETURN_IF_ERROR(PreAuthorize(caller, req.alliance, action, scope));
  ListRoyaltyReportsResult out;
  RETURN_IF_ERROR(ws.WithOperations([&](domain::OperationsDb& ops) -> Status {
    ASSIGN_OR_RETURN(domain::Alliance a, EnterAlliance(caller, ops, req.alliance, action, scope));
    if (!req.licensee.empty()) RETURN_IF_ERROR(domain::FindLicenseeIn(ops, a.id, req.licensee).status());
    if (!req.programme.empty()) RETURN_IF_ERROR(domain::FindProgrammeIn(ops, a.id, req.programme).status());
    domain::RoyaltyReportFilter f;
    f.alliance_id = a.id;
    f.licensee = req.licensee;
    f.programme = req.programme;
    if (!req.period.empty()) {
      ASSIGN_OR_RETURN(domain::Period p, domain::ParsePeriod(req.period));
      f.period = p.key;
    }
    ASSIGN_OR_RETURN(out.reports, domain::ListRoyaltyReports(ops, f));
    return Status::OK();
  }, /*create=*/false));
  return out;
}

}  // namespace patnav::app
