// The plain request/response helpers of http.h: header and query look-up,
// percent-decoding, problem+json documents, reason phrases.
#include "server/http.h"

#include <cstdio>

#include "base/strings.h"

namespace patnav::server {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace

std::string PercentDecode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%' && i + 2 < s.size()) {
      int hi = HexValue(s[i + 1]), lo = HexValue(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += (plus_is_space && c == '+') ? ' ' : c;
  }
  return out;
}

std::string HttpRequest::Header(std::string_view name) const {
  for (const auto& [n, v] : headers)
    if (IEquals(n, name)) return v;
  return {};
}

std::vector<std::pair<std::string, std::string>> HttpRequest::QueryParams() const {
  std::vector<std::pair<std::string, std::string>> params;
  for (std::string_view part : Split(query, '&')) {
    if (part.empty()) continue;
    size_t eq = part.find('=');
    std::string_view name = part.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1);
    params.emplace_back(PercentDecode(name, true), PercentDecode(value, true));
  }
  return params;
}

std::string HttpRequest::QueryParam(std::string_view name) const {
  for (auto& [n, v] : QueryParams())
    if (n == name) return v;
  return {};
}

bool HttpRequest::HasQueryParam(std::string_view name) const {
  for (auto& [n, v] : QueryParams())
    if (n == name) return true;
  return false;
}

void HttpResponse::SetHeader(std::string_view name, std::string value) {
  for (auto& [n, v] : headers) {
    if (IEquals(n, name)) {
      v = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::string(name), std::move(value));
}

HttpResponse ProblemResponse(int status, std::string_view detail, std::string_view title) {
  if (title.empty()) title = ReasonPhrase(status);
  HttpResponse res;
  res.status = status;
  res.headers.emplace_back("Content-Type", "application/problem+json");
  // `code` as the API's problems have it (status_table.h names), for the
  // statuses the transport answers itself.
  const char* code = status == 413 || status == 431 ? "resource_exhausted"
                     : status >= 500               ? "internal"
                     : status == 404               ? "not_found"
                                                   : "invalid_argument";
  res.body = "{\"type\":\"about:blank\",\"title\":" + JsonString(title) +
             ",\"status\":" + std::to_string(status) + ",\"detail\":" + JsonString(detail) +
             ",\"code\":\"" + code + "\"}";
  return res;
}

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 417: return "Expectation Failed";
    case 422: return "Unprocessable Content";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
  }
}

}  // namespace patnav::server
