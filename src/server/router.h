// Matching a request's method and path against the route table. Patterns are
// literal segments and {name} parameters, each one whole segment; parameters
// are percent-decoded and may hold any character but '/' in their encoded
// form (so "..%2F" is a name, never a path).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "server/route.h"

namespace patnav::server {

struct RouteMatch {
  const Route* route = nullptr;                // null: no route for this method
  std::map<std::string, std::string> params;
  bool path_known = false;                     // some route has this path (then 405 with Allow)
  std::string allow;                           // "GET, POST" when path_known && !route
};

class Router {
 public:
  void Add(Route route);
  RouteMatch Match(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

// Percent-decoding of one path segment or query value; false for a bad
// escape or a decoded NUL.
bool DecodePathSegment(std::string_view in, std::string* out);

}  // namespace patnav::server
