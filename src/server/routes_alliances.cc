// Routes of the alliances and their operations: members, experts, pools and
// contributions, licensing, royalty reports, distributions, statements, the
// ledger and the fund. Every path below /api/v1/alliances/{alliance} names
// its tenant; the application calls authorise the caller in it (another
// alliance's objects are 404) and their results become JSON through
// app/operations_json.h.
#include <cstdlib>

#include "app/alliances.h"
#include "app/distributions.h"
#include "app/experts.h"
#include "app/fund.h"
#include "app/ledger.h"
#include "app/licensing.h"
#include "app/members.h"
#include "app/operations_json.h"
#include "app/pools.h"
#include "app/royalties.h"
#include "domain/statement.h"
#include "server/api_routes.h"

namespace patnav::server {

namespace {

using Json = nlohmann::ordered_json;
constexpr const char* kA = "/api/v1/alliances/{alliance}";

// Runs an application call and answers its JSON (or its problem).
template <typename Res>
HttpResponse Answer(const Result<Res>& r, int status = 200) {
  if (!r.ok()) return StatusResponse(r.status());
  Json body = app::ToJson(*r);
  if (!r->warnings.empty() && body.is_object()) body["warnings"] = r->warnings;
  return JsonResponse(body, status);
}

std::string Q(const ApiRequest& r, const char* name) { return r.http.QueryParam(name); }

HttpResponse ListAlliances(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ListAlliances(r.caller, c.workspace));
}
HttpResponse CreateAlliance(ApiContext& c, const ApiRequest& r) {
  return Answer(app::CreateAlliance(r.caller, c.workspace,
                                    {r.Str("name"), r.Str("address"), r.Str("form"), r.Str("industry")}),
                201);
}
HttpResponse ShowAlliance(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ShowAlliance(r.caller, c.workspace, {r.Param("alliance")}));
}
HttpResponse SetCharter(ApiContext& c, const ApiRequest& r) {
  const std::string& item = r.Param("item");
  int n = item.size() == 1 && item[0] >= '1' && item[0] <= '9' ? item[0] - '0' : 0;
  if (n == 0) return StatusResponse(Status::NotFound("charter items are 1 to 9"), "item");
  return Answer(app::SetCharterItem(r.caller, c.workspace, {r.Param("alliance"), n, r.Str("text")}));
}

HttpResponse ListMembers(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ListMembers(r.caller, c.workspace, {r.Param("alliance")}));
}
HttpResponse AddMember(ApiContext& c, const ApiRequest& r) {
  return Answer(app::AddMember(r.caller, c.workspace,
                               {r.Param("alliance"), r.Str("name"), r.Str("type"), r.Str("joined_on"), r.Str("contact"),
                                r.Bool("trading_centre")}),
                201);
}
HttpResponse MemberLeaves(ApiContext& c, const ApiRequest& r) {
  return Answer(app::MemberLeaves(r.caller, c.workspace, {r.Param("alliance"), r.Param("member"), r.Str("left_on")}));
}

HttpResponse ListExperts(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ListExperts(r.caller, c.workspace, {r.Param("alliance")}));
}
HttpResponse AddExpert(ApiContext& c, const ApiRequest& r) {
  return Answer(app::AddExpert(r.caller, c.workspace,
                               {r.Param("alliance"), r.Str("name"), r.Str("member"), r.Str("field"),
                                r.Str("inventor"), r.Str("contact")}),
                201);
}

HttpResponse ListPools(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ListPools(r.caller, c.workspace, {r.Param("alliance")}));
}
HttpResponse CreatePool(ApiContext& c, const ApiRequest& r) {
  app::CreatePoolRequest in;
  in.alliance = r.Param("alliance");
  in.name = r.Str("name");
  in.scope = r.Str("scope");
  in.standard = r.Str("standard");
  in.clauses = r.Str("clauses");
  in.currency = r.Str("currency");
  in.fee = r.Str("fee", "0");
  return Answer(app::CreatePool(r.caller, c.workspace, in), 201);
}
HttpResponse ShowPool(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ShowPool(r.caller, c.workspace, {r.Param("alliance"), r.Param("pool")}));
}
HttpResponse Contribute(ApiContext& c, const ApiRequest& r) {
  app::ContributeRequest in;
  in.alliance = r.Param("alliance");
  in.pool = r.Param("pool");
  in.member = r.Str("member");
  in.publications = r.Strings("publications");
  in.contributed_on = r.Str("contributed_on");
  in.extra_countries = r.Strings("countries");
  return Answer(app::Contribute(r.caller, c.workspace, in), 201);
}
HttpResponse Withdraw(ApiContext& c, const ApiRequest& r) {
  return Answer(app::Withdraw(r.caller, c.workspace,
                              {r.Param("alliance"), r.Param("pool"), r.Param("publication"), Q(r, "on")}));
}
HttpResponse Essentiality(ApiContext& c, const ApiRequest& r) {
  app::EssentialityRequest in;
  in.alliance = r.Param("alliance");
  in.pool = r.Param("pool");
  in.publication = r.Param("publication");
  in.status = r.Str("status");
  in.decided_on = r.Str("decided_on");
  in.evaluator = r.Str("evaluator");
  in.note = r.Str("note");
  return Answer(app::SetEssentiality(r.caller, c.workspace, in));
}
HttpResponse Lapse(ApiContext& c, const ApiRequest& r) {
  return Answer(app::RecordLapse(r.caller, c.workspace,
                                 {r.Param("alliance"), r.Str("publication"), r.Str("country"), r.Str("lapsed_on")}),
                201);
}
HttpResponse Rescore(ApiContext& c, const ApiRequest& r) {
  app::RescoreRequest in;
  in.alliance = r.Param("alliance");
  in.pool = r.Param("pool");
  if (r.body.contains("weights") && r.body["weights"].is_object()) in.weights_json = r.body["weights"].dump();
  in.as_of = r.Str("as_of");
  return Answer(app::RescorePool(r.caller, c.workspace, in));
}

HttpResponse ListProgrammes(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ListProgrammes(r.caller, c.workspace, {r.Param("alliance"), Q(r, "pool")}));
}
HttpResponse CreateProgramme(ApiContext& c, const ApiRequest& r) {
  app::CreateProgrammeRequest in;
  in.alliance = r.Param("alliance");
  in.pool = r.Str("pool");
  in.name = r.Str("name");
  in.basis = r.Str("basis", "per-unit");
  in.rate = r.Str("rate");
  in.member_rate = r.Str("member_rate");
  in.cap = r.Str("cap");
  in.currency = r.Str("currency");
  if (r.body.contains("country_rates") && r.body["country_rates"].is_object())
    for (auto it = r.body["country_rates"].begin(); it != r.body["country_rates"].end(); ++it) {
      if (!it.value().is_string())
        return StatusResponse(Status::InvalidArgument("country_rates values must be strings (\"0.20\")"),
                              "country_rates");
      in.country_rates[it.key()] = it.value().get<std::string>();
    }
  return Answer(app::CreateProgramme(r.caller, c.workspace, in), 201);
}

HttpResponse ListLicensees(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ListLicensees(r.caller, c.workspace, {r.Param("alliance")}));
}
HttpResponse AddLicensee(ApiContext& c, const ApiRequest& r) {
  return Answer(app::AddLicensee(r.caller, c.workspace,
                                 {r.Param("alliance"), r.Str("name"), r.Str("country"), r.Str("member")}),
                201);
}

HttpResponse ListAgreements(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ListAgreements(r.caller, c.workspace, {r.Param("alliance"), Q(r, "licensee"), Q(r, "programme")}));
}
HttpResponse AddAgreement(ApiContext& c, const ApiRequest& r) {
  app::AddAgreementRequest in;
  in.alliance = r.Param("alliance");
  in.licensee = r.Str("licensee");
  in.programme = r.Str("programme");
  if (r.body.contains("territories")) in.territories = r.Strings("territories");
  in.effective_from = r.Str("effective_from");
  in.effective_to = r.Str("effective_to");
  return Answer(app::AddAgreement(r.caller, c.workspace, in), 201);
}

HttpResponse ListRoyaltyReports(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ListRoyaltyReports(r.caller, c.workspace,
                                        {r.Param("alliance"), Q(r, "licensee"), Q(r, "programme"), Q(r, "period")}));
}
HttpResponse FileOrPreviewRoyalties(ApiContext& c, const ApiRequest& r, bool preview) {
  app::FileRoyaltiesRequest in;
  in.alliance = r.Param("alliance");
  in.csv_text = r.Str("csv");
  in.source = r.Str("source", "api");
  in.licensee = r.Str("licensee");
  in.programme = r.Str("programme");
  in.period = r.Str("period");
  in.currency = r.Str("currency");
  if (r.body.contains("lines"))
    for (const auto& line : r.body["lines"]) {
      if (!line.contains("country") || !line["country"].is_string() || !line.contains("figure") ||
          !line["figure"].is_string())
        return StatusResponse(Status::InvalidArgument("each line needs \"country\" and \"figure\" as strings"),
                              "lines");
      in.lines.push_back({line["country"].get<std::string>(), line["figure"].get<std::string>()});
    }
  in.preview = preview;
  return Answer(app::FileRoyalties(r.caller, c.workspace, in), preview ? 200 : 201);
}
HttpResponse FileRoyalties(ApiContext& c, const ApiRequest& r) { return FileOrPreviewRoyalties(c, r, false); }
HttpResponse PreviewRoyalties(ApiContext& c, const ApiRequest& r) { return FileOrPreviewRoyalties(c, r, true); }

HttpResponse DistributeCall(ApiContext& c, const ApiRequest& r) {
  app::DistributeRequest in;
  in.alliance = r.Param("alliance");
  in.pool = r.Str("pool");
  in.period = r.Str("period");
  in.method = r.Str("method", "value");
  in.weight = r.Num("weight", 0.5);
  in.close = r.Bool("close", false);
  return Answer(app::Distribute(r.caller, c.workspace, in));  // 200 for a preview and a close alike
}

HttpResponse ListStatements(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ListStatements(r.caller, c.workspace, {r.Param("alliance"), Q(r, "period")}));
}
HttpResponse Statement(ApiContext& c, const ApiRequest& r) {
  const std::string lines = Q(r, "lines");
  Result<app::StatementResult> s = app::MemberStatement(
      r.caller, c.workspace, {r.Param("alliance"), r.Param("member"), Q(r, "period"), lines == "true" || lines == "1"});
  if (s.ok() && Q(r, "format") == "csv") {
    return Download("text/csv; charset=utf-8", "statement.csv", domain::StatementToCsv(s->statement));
  }
  return Answer(s);
}
HttpResponse MemberBalance(ApiContext& c, const ApiRequest& r) {
  return Answer(app::MemberBalance(r.caller, c.workspace, {r.Param("alliance"), r.Param("member")}));
}

HttpResponse LedgerBalance(ApiContext& c, const ApiRequest& r) {
  return Answer(app::LedgerBalance(r.caller, c.workspace, {r.Param("alliance"), Q(r, "prefix")}));
}
HttpResponse LedgerCheck(ApiContext& c, const ApiRequest& r) {
  return Answer(app::CheckLedger(r.caller, c.workspace, {r.Param("alliance")}));
}
HttpResponse Reverse(ApiContext& c, const ApiRequest& r) {
  const int64_t id = r.Id("txn");
  if (id == 0) return StatusResponse(Status::NotFound("unknown transaction '" + r.Param("txn") + "'"));
  return Answer(app::ReverseTransaction(r.caller, c.workspace, {r.Param("alliance"), id, r.Str("reason")}), 201);
}

HttpResponse ShowFund(ApiContext& c, const ApiRequest& r) {
  return Answer(app::ShowFund(r.caller, c.workspace, {r.Param("alliance"), Q(r, "member")}));
}
HttpResponse FundContribute(ApiContext& c, const ApiRequest& r) {
  return Answer(app::FundContribute(r.caller, c.workspace,
                                    {r.Param("alliance"), r.Str("member"), r.Str("amount"), r.Str("currency"),
                                     r.Str("on")}),
                201);
}
HttpResponse GrantLoan(ApiContext& c, const ApiRequest& r) {
  app::LoanRequest in;
  in.alliance = r.Param("alliance");
  in.member = r.Str("member");
  in.amount = r.Str("amount");
  in.currency = r.Str("currency");
  in.rate = r.Str("rate", "0");
  in.start_on = r.Str("start_on");
  in.months = static_cast<int>(std::clamp<int64_t>(r.Int("months", 12), -1, 100000));
  return Answer(app::GrantLoan(r.caller, c.workspace, in), 201);
}
HttpResponse RepayLoan(ApiContext& c, const ApiRequest& r) {
  const int64_t id = r.Id("loan");
  if (id == 0) return StatusResponse(Status::NotFound("unknown loan '" + r.Param("loan") + "'"));
  return Answer(app::RepayLoan(r.caller, c.workspace,
                               {r.Param("alliance"), id, r.Str("principal"), r.Str("interest", "0"), r.Str("on")}),
                201);
}

constexpr const char* kArray = R"({"type":"array"})";

// A list route answers one page: ?limit= (default and at most 1000) and
// ?offset= slice the array; X-Total-Count says how many there are.
void Paginate(Route& r) {
  r.query.push_back({"limit", FieldType::kInteger, false, "items per page, 1-1000 (default 1000)"});
  r.query.push_back({"offset", FieldType::kInteger, false, "items to skip (default 0)"});
  r.handler = [inner = std::move(r.handler)](ApiContext& c, const ApiRequest& req) {
    HttpResponse resp = inner(c, req);
    if (resp.status != 200) return resp;
    Json all = Json::parse(resp.body, nullptr, false);
    if (!all.is_array()) return resp;
    long long limit = req.http.HasQueryParam("limit") ? std::atoll(req.http.QueryParam("limit").c_str()) : 1000;
    long long offset = req.http.HasQueryParam("offset") ? std::atoll(req.http.QueryParam("offset").c_str()) : 0;
    if (limit < 1 || limit > 1000) return StatusResponse(Status::InvalidArgument("limit must be 1 to 1000"), "limit");
    if (offset < 0) return StatusResponse(Status::InvalidArgument("offset must not be negative"), "offset");
    Json page = Json::array();
    for (long long i = offset; i < static_cast<long long>(all.size()) && i < offset + limit; ++i) page.push_back(all[i]);
    HttpResponse out = JsonResponse(page);
    out.SetHeader("X-Total-Count", std::to_string(all.size()));
    return out;
  };
}

// Alliance routes: lists are paginated.
Route Make(const char* method, std::string pattern, const char* id, const char* summary, const char* tag,
           ApiHandler handler, std::vector<FieldSpec> body = {}, std::vector<QuerySpec> query = {},
           int success = 200, const char* schema = R"({"type":"object"})") {
  Route r = MakeRoute(method, std::move(pattern), id, summary, tag, std::move(handler), std::move(body),
                      std::move(query), success, schema);
  if (r.method == "GET" && r.response_schema == kArray) Paginate(r);
  return r;
}
constexpr FieldType S = FieldType::kString;

}  // namespace

std::vector<Route> AllianceRoutes() {
  const std::string a = kA;
  std::vector<Route> r;
  r.push_back(Make("GET", "/api/v1/alliances", "listAlliances", "The alliances the caller has a role in", "alliances",
                   ListAlliances, {}, {}, 200, kArray));
  r.push_back(Make("POST", "/api/v1/alliances", "createAlliance", "Create an alliance (administrators)", "alliances",
                   CreateAlliance,
                   {{"name", S, true, "the alliance's name"},
                    {"address", S, false, ""},
                    {"form", S, true, "business_entity, social_organization or cooperative_organization"},
                    {"industry", S, false, ""}},
                   {}, 201));
  r.push_back(Make("GET", a, "getAlliance", "The alliance, its members by type and its charter checklist", "alliances",
                   ShowAlliance));
  r.push_back(Make("PUT", a + "/charter/{item}", "setCharterItem", "Record charter item 1-9 (III(IV))", "alliances",
                   SetCharter, {{"text", S, true, "the item's text"}}));
  r.push_back(Make("GET", a + "/members", "listMembers", "The alliance's members", "members", ListMembers, {}, {}, 200,
                   kArray));
  r.push_back(Make("POST", a + "/members", "addMember", "Add a member", "members", AddMember,
                   {{"name", S, true, ""},
                    {"type", S, true, "industry, university, research, finance, intermediary, application"},
                    {"joined_on", S, false, "YYYY-MM-DD (default today)"},
                    {"contact", S, false, ""},
                    {"trading_centre", FieldType::kBoolean, false,
                     "a national patent technology exhibition and trading centre (a library priority circumstance)"}},
                   {}, 201));
  r.push_back(Make("POST", a + "/members/{member}/leave", "memberLeaves", "Record that a member left", "members",
                   MemberLeaves, {{"left_on", S, true, "YYYY-MM-DD"}}));
  r.push_back(Make("GET", a + "/members/{member}/statement", "getStatement",
                   "A member's royalty statement for a period (JSON, or ?format=csv)", "money", Statement, {},
                   {{"period", S, true, "e.g. 2025Q1"},
                    {"lines", FieldType::kBoolean, false, "list the royalty lines behind each amount"},
                    {"format", S, false, "json (default) or csv"}}));
  r.push_back(Make("GET", a + "/members/{member}/balance", "getMemberBalance", "A member's ledger balances", "money",
                   MemberBalance, {}, {}, 200, kArray));
  r.push_back(Make("GET", a + "/experts", "listExperts", "The talent pool", "members", ListExperts, {}, {}, 200, kArray));
  r.push_back(Make("POST", a + "/experts", "addExpert", "Add an expert to the talent pool", "members", AddExpert,
                   {{"name", S, true, ""},
                    {"member", S, false, ""},
                    {"field", S, false, ""},
                    {"inventor", S, false, "the inventor name in the patent data (default: name)"},
                    {"contact", S, false, ""}},
                   {}, 201));
  r.push_back(Make("GET", a + "/pools", "listPools", "The alliance's patent pools", "pools", ListPools, {}, {}, 200,
                   kArray));
  r.push_back(Make("POST", a + "/pools", "createPool", "Create a patent pool", "pools", CreatePool,
                   {{"name", S, true, ""},
                    {"currency", S, true, "ISO 4217"},
                    {"fee", S, false, "administrator's fee, percent of gross income"},
                    {"scope", S, false, ""},
                    {"standard", S, false, ""},
                    {"clauses", S, false, ""}},
                   {}, 201));
  r.push_back(Make("GET", a + "/pools/{pool}", "getPool", "A pool with its contributions and closed periods", "pools",
                   ShowPool));
  r.push_back(Make("POST", a + "/pools/{pool}/contributions", "contributePatents",
                   "Contribute a member's patents (all or none)", "pools", Contribute,
                   {{"member", S, true, ""},
                    {"publications", FieldType::kStringArray, true, "publication numbers in the store"},
                    {"contributed_on", S, false, "YYYY-MM-DD"},
                    {"countries", FieldType::kStringArray, false, "more countries where they are in force"}},
                   {}, 201));
  r.push_back(Make("DELETE", a + "/pools/{pool}/contributions/{publication}", "withdrawPatent",
                   "Withdraw a contributed patent", "pools", Withdraw, {}, {{"on", S, false, "YYYY-MM-DD"}}));
  r.push_back(Make("PUT", a + "/pools/{pool}/contributions/{publication}/essentiality", "setEssentiality",
                   "Record an essentiality decision", "pools", Essentiality,
                   {{"status", S, true, "claimed, essential or rejected"},
                    {"decided_on", S, false, ""},
                    {"evaluator", S, false, ""},
                    {"note", S, false, ""}}));
  r.push_back(Make("POST", a + "/pools/{pool}/rescore", "rescorePool", "Score the pool's patents with the value model",
                   "pools", Rescore, {{"weights", FieldType::kObject, false, ""}, {"as_of", S, false, ""}}));
  r.push_back(Make("POST", a + "/lapses", "recordLapse", "Record that a contributed patent lapsed", "pools", Lapse,
                   {{"publication", S, true, ""}, {"country", S, false, "empty: everywhere"}, {"lapsed_on", S, true, ""}},
                   {}, 201));
  r.push_back(Make("GET", a + "/programmes", "listProgrammes", "Licensing programmes", "licensing", ListProgrammes, {},
                   {{"pool", S, false, "only this pool's"}}, 200, kArray));
  r.push_back(Make("POST", a + "/programmes", "createProgramme", "Create a licensing programme", "licensing",
                   CreateProgramme,
                   {{"pool", S, true, ""},
                    {"name", S, true, ""},
                    {"basis", S, false, "per-unit (default), net-sales or lump-sum"},
                    {"rate", S, true, "\"0.50\" per unit, or percent of net sales"},
                    {"member_rate", S, false, ""},
                    {"cap", S, false, ""},
                    {"currency", S, false, ""},
                    {"country_rates", FieldType::kObject, false, "country -> rate text"}},
                   {}, 201));
  r.push_back(Make("GET", a + "/licensees", "listLicensees", "Licensees", "licensing", ListLicensees, {}, {}, 200,
                   kArray));
  r.push_back(Make("POST", a + "/licensees", "addLicensee", "Add a licensee", "licensing", AddLicensee,
                   {{"name", S, true, ""}, {"country", S, false, ""}, {"member", S, false, ""}}, {}, 201));
  r.push_back(Make("GET", a + "/agreements", "listAgreements", "Licence agreements", "licensing", ListAgreements, {},
                   {{"licensee", S, false, ""}, {"programme", S, false, ""}}, 200, kArray));
  r.push_back(Make("POST", a + "/agreements", "addAgreement", "Record a licence agreement", "licensing", AddAgreement,
                   {{"licensee", S, true, ""},
                    {"programme", S, true, ""},
                    {"territories", FieldType::kStringArray, false, "country codes or \"*\""},
                    {"effective_from", S, true, ""},
                    {"effective_to", S, false, ""}},
                   {}, 201));
  r.push_back(Make("GET", a + "/royalty-reports", "listRoyaltyReports", "Royalty reports", "licensing",
                   ListRoyaltyReports, {}, {{"licensee", S, false, ""}, {"programme", S, false, ""}, {"period", S, false, ""}},
                   200, kArray));
  const std::vector<FieldSpec> royalty_report = {
      {"licensee", S, false, ""},
      {"programme", S, false, ""},
      {"period", S, false, "e.g. 2025Q1"},
      {"currency", S, false, ""},
      {"lines", FieldType::kObjectArray, false, "[{\"country\":\"CN\",\"figure\":\"120000\"}]"},
      {"csv", S, false, "licensee,programme,period,country,units|net_sales"},
      {"source", S, false, ""}};
  r.push_back(Make("POST", a + "/royalty-reports", "fileRoyaltyReport", "File a royalty report (lines, or a CSV text)",
                   "licensing", FileRoyalties, royalty_report, {}, 201));
  r.push_back(Make("POST", a + "/royalty-reports/preview", "previewRoyaltyReport",
                   "The royalty filing these reports would record, with the same checks; nothing is recorded "
                   "(\"recorded\": false, report ids 0)",
                   "licensing", PreviewRoyalties, royalty_report, {}, 200));
  r.push_back(Make("POST", a + "/distributions", "distribute",
                   "Plan a period's distribution, or with close=true record it and close the period", "money",
                   DistributeCall,
                   {{"pool", S, true, ""},
                    {"period", S, true, ""},
                    {"method", S, false, "value (default), patent-country or blend"},
                    {"weight", FieldType::kNumber, false, "blend: weight of value, 0..1"},
                    {"close", FieldType::kBoolean, false, ""}}));
  r.push_back(Make("GET", a + "/statements", "listStatements", "Every member's statement for a period", "money",
                   ListStatements, {}, {{"period", S, true, ""}}, 200, kArray));
  r.push_back(Make("GET", a + "/ledger", "getLedger", "Ledger balances of the alliance's accounts", "money",
                   LedgerBalance, {}, {{"prefix", S, false, "account prefix"}}, 200, kArray));
  r.push_back(Make("GET", a + "/ledger/check", "checkLedger", "Check that every transaction balances", "money",
                   LedgerCheck));
  r.push_back(Make("POST", a + "/ledger/{txn}/reverse", "reverseTransaction", "Reverse a ledger transaction", "money",
                   Reverse, {{"reason", S, true, ""}}, {}, 201));
  r.push_back(Make("GET", a + "/fund", "getFund", "The fund pool: balances and loans", "money", ShowFund, {},
                   {{"member", S, false, "only this member's loans"}}));
  r.push_back(Make("POST", a + "/fund/contributions", "contributeToFund", "A member's contribution to the fund",
                   "money", FundContribute,
                   {{"member", S, true, ""}, {"amount", S, true, "\"100000.00\""}, {"currency", S, true, ""},
                    {"on", S, false, ""}},
                   {}, 201));
  r.push_back(Make("POST", a + "/fund/loans", "grantLoan", "A bridge loan from the fund, with its schedule", "money",
                   GrantLoan,
                   {{"member", S, true, ""},
                    {"amount", S, true, ""},
                    {"currency", S, true, ""},
                    {"rate", S, false, "annual interest, percent"},
                    {"start_on", S, false, ""},
                    {"months", FieldType::kInteger, false, "default 12"}},
                   {}, 201));
  r.push_back(Make("POST", a + "/fund/loans/{loan}/repayments", "repayLoan", "A loan repayment", "money", RepayLoan,
                   {{"principal", S, true, ""}, {"interest", S, false, ""}, {"on", S, false, ""}}, {}, 201));
  return r;
}

}  // namespace patnav::server
