// The route table of /api/v1, one function per area (routes_*.cc). The
// dispatcher (api_server.h) adds them all; the OpenAPI document is made from
// the same list.
#pragma once

#include <vector>

#include "server/route.h"

namespace patnav::server {

std::vector<Route> SessionRoutes();   // routes_session.cc: login, logout, me, users, tokens, audit
std::vector<Route> PatentRoutes();    // routes_patents.cc: search, patents, similar, export, stats
std::vector<Route> AnalysisRoutes(); // routes_analysis.cc: landscape, value
std::vector<Route> RiskRoutes();     // routes_risk.cc: the risk screening report
std::vector<Route> JobRoutes();       // routes_jobs.cc: ingest uploads and jobs
std::vector<Route> AllianceRoutes();  // routes_alliances.cc: alliances and their operations
std::vector<Route> WatchRoutes();     // routes_watches.cc: watches and the inbox
std::vector<Route> WebhookRoutes();   // routes_webhooks.cc: webhooks and their delivery log
std::vector<Route> RecordingRoutes(); // routes_recordings.cc: alliance recording and the management library
std::vector<Route> OfficeRoutes();    // routes_office.cc: credibility records, complaints, cases, public lists
std::vector<Route> EvaluationRoutes(); // routes_evaluation.cc: indicator systems and evaluation rounds

// Every route above, then GET /api/v1/openapi.json describing them all.
std::vector<Route> ApiRoutes();

}  // namespace patnav::server
