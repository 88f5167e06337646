// The JSON forms of the alliance-operations results (alliances.h ...
// fund.h), for the API and for the CLI's --format json. Where the CLI printed
// JSON before the application layer existed, the form is the same document
// (alliance show, member list, expert list, pool show, programme list,
// licensee list, agreement list, distribute, statement, ledger balance);
// elsewhere: ids, names, ISO dates, money as integer *_minor beside its
// currency. Warnings are not part of these documents (the caller adds them
// where its protocol carries them: stderr, a response field).
#pragma once

#include <nlohmann/json.hpp>

#include "app/alliances.h"
#include "app/distributions.h"
#include "app/experts.h"
#include "app/fund.h"
#include "app/ledger.h"
#include "app/licensing.h"
#include "app/members.h"
#include "app/pools.h"
#include "app/royalties.h"

namespace patnav::app {

using Json = nlohmann::ordered_json;

// Single objects.
Json ToJson(const domain::Alliance& a);     // id, name, address, form, industry, created_on
Json ToJson(const domain::Member& m);      // name, type, joined_on, left_on, contact (as member list)
Json ToJson(const domain::Pool& p);        // id, name, alliance, scope, standard, clauses, currency, administrator_fee, admin_fee_ppm, created_on
Json ToJson(const domain::Contribution& c);  // as pool show's patents[]
Json ToJson(const domain::Programme& g);   // as programme list
Json ToJson(const domain::Licensee& l);    // as licensee list
Json ToJson(const domain::Agreement& a);   // as agreement list
Json ToJson(const domain::AccountBalance& b);  // as ledger balance
Json ToJson(const domain::LoanStatus& l);
Json ToJson(const domain::ClosedPeriod& c);
Json ToJson(const domain::RoyaltyReportOutcome& r);
Json ToJson(const domain::RoyaltyReportRow& r);
Json ToJson(const domain::DistributionPlan& p, bool closed);  // as distribute --format json
Json ToJson(const domain::MemberStatement& s);                // domain::StatementToJson

// Results.
Json ToJson(const CreateAllianceResult& r);
Json ToJson(const ListAlliancesResult& r);  // array
Json ToJson(const AllianceView& v);         // as alliance show --format json
Json ToJson(const MemberResult& r);
Json ToJson(const ListMembersResult& r);    // array, as member list --format json
Json ToJson(const AddExpertResult& r);
Json ToJson(const ListExpertsResult& r);    // array, as expert list --format json
Json ToJson(const PoolResult& r);
Json ToJson(const ListPoolsResult& r);      // array
Json ToJson(const PoolView& v);             // as pool show --format json, plus closed_periods
Json ToJson(const ContributeResult& r);
Json ToJson(const ContributionResult& r);
Json ToJson(const LapseResult& r);
Json ToJson(const RescoreResult& r);
Json ToJson(const ProgrammeResult& r);
Json ToJson(const ListProgrammesResult& r);  // array
Json ToJson(const LicenseeResult& r);
Json ToJson(const ListLicenseesResult& r);   // array
Json ToJson(const AgreementResult& r);
Json ToJson(const ListAgreementsResult& r);  // array
Json ToJson(const FileRoyaltiesResult& r);
Json ToJson(const ListRoyaltyReportsResult& r);  // array
Json ToJson(const DistributeResult& r);  // as distribute --format json, plus distribution_id/transaction_id when closed
Json ToJson(const StatementResult& r);
Json ToJson(const ListStatementsResult& r);  // array of statements
Json ToJson(const LedgerBalanceResult& r);   // array
Json ToJson(const LedgerCheckResult& r);
Json ToJson(const ReverseResult& r);
Json ToJson(const FundContributeResult& r);
Json ToJson(const LoanResult& r);
Json ToJson(const RepayResult& r);
Json ToJson(const FundView& v);

}  // namespace patnav::app
