// Sending one webhook request (issue 14): an HTTP(S) POST of a JSON body
// with libcurl, bounded in time, following no redirect, speaking no scheme
// but http and https. The response body is read and dropped. Thread-safe: each call has its own curl handle.
#pragma once

#include <string>
#include <vector>

namespace patnav::app {

struct HttpPostOptions {
  long connect_timeout_ms = 5000;
  long timeout_ms = 10000;  // the whole exchange
};

struct HttpPostResult {
  long status = 0;     // the HTTP status; 0 when there was no answer
  std::string error;   // "" when an answer came; else what failed ("timed out after 300 ms", ...)
};

// POSTs `body` (Content-Type: application/json) with the extra `headers`
// ("Name: value").
HttpPostResult PostJson(const std::string& url, const std::string& body, const std::vector<std::string>& headers,
                        const HttpPostOptions& options);

}  // namespace patnav::app
