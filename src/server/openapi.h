// The OpenAPI 3.1 document of the API, generated from the route table
// (route.h), served at GET /api/v1/openapi.json. Request bodies come from the
// routes' field lists, responses from their schemas, errors are the shared
// Problem schema.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "server/route.h"

namespace patnav::server {

nlohmann::ordered_json OpenApiDocument(const std::vector<Route>& routes);

}  // namespace patnav::server
