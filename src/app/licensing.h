// Application calls for the licensing book: licence programmes of a pool,
// licensees, and agreements. Programmes are read with kReadAlliance; the
// licensee list and the agreements of every licensee with
// kReadAllianceMoney (the operator's commercial book); one licensee's
// agreements with kReadLicensee (Scope::licensee, so a licensee user reads
// its own); every write with kOperateAlliance. A pool, programme, member or
// licensee of another alliance is NotFound worded as an unknown one.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/caller.h"
#include "app/workspace.h"
#include "base/status.h"
#include "domain/licensing.h"

namespace patnav::app {

struct CreateProgrammeRequest {
  std::string alliance, pool, name;
  std::string basis = "per-unit";  // per-unit, net-sales, lump-sum
  std::string rate;                // amount per unit or per period ("0.50"), percent of net sales ("2.5")
  std::string member_rate;         // optional, same unit
  std::string cap;                 // optional amount per licensee per period
  std::map<std::string, std::string> country_rates;  // country -> rate text
  std::string currency;            // optional; must be the pool's
};
struct ProgrammeResult {
  domain::Programme programme;
  std::vector<std::string> warnings;
};
Result<ProgrammeResult> CreateProgramme(const Caller& caller, Workspace& ws, const CreateProgrammeRequest& req);

struct ListProgrammesRequest {
  std::string alliance;
  std::string pool;  // optional
};
struct ListProgrammesResult {
  std::vector<domain::Programme> programmes;  // by name
  std::vector<std::string> warnings;
};
Result<ListProgrammesResult> ListProgrammes(const Caller& caller, Workspace& ws, const ListProgrammesRequest& req);

struct AddLicenseeRequest {
  std::string alliance, name, country;
  std::string member;  // optional: the alliance member it is
};
struct LicenseeResult {
  domain::Licensee licensee;
  std::vector<std::string> warnings;
};
Result<LicenseeResult> AddLicensee(const Caller& caller, Workspace& ws, const AddLicenseeRequest& req);

struct ListLicenseesRequest {
  std::string alliance;
};
struct ListLicenseesResult {
  std::vector<domain::Licensee> licensees;  // by name
  std::vector<std::string> warnings;
};
Result<ListLicenseesResult> ListLicensees(const Caller& caller, Workspace& ws, const ListLicenseesRequest& req);

struct AddAgreementRequest {
  std::string alliance, licensee, programme;
  std::vector<std::string> territories = {"*"};  // "*" or country codes (each may be "US,DE")
  std::string effective_from, effective_to;      // ISO; to empty: open-ended
};
struct AgreementResult {
  domain::Agreement agreement;
  std::vector<std::string> warnings;
};
Result<AgreementResult> AddAgreement(const Caller& caller, Workspace& ws, const AddAgreementRequest& req);

struct ListAgreementsRequest {
  std::string alliance;
  std::string licensee, programme;  // each optional
};
struct ListAgreementsResult {
  std::vector<domain::Agreement> agreements;  // by licensee, programme, start
  std::vector<std::string> warnings;
};
Result<ListAgreementsResult> ListAgreements(const Caller& caller, Workspace& ws, const ListAgreementsRequest& req);

}  // namespace patnav::app
