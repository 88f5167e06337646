// multipart/form-data parsing (multipart.h).
#include "server/multipart.h"

#include <algorithm>
#include <cctype>

namespace patnav::server {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The value of parameter `key` in `name="value"` lists (quoted or bare).
bool Param(std::string_view header, std::string_view key, std::string* out) {
  size_t i = 0;
  while (i < header.size()) {
    size_t semi = header.find(';', i);
    if (semi == std::string_view::npos) semi = header.size();
    std::string_view item = Trim(header.substr(i, semi - i));
    size_t eq = item.find('=');
    if (eq != std::string_view::npos && Lower(Trim(item.substr(0, eq))) == key) {
      std::string_view v = Trim(item.substr(eq + 1));
      if (v.size() >= 2 && v.front() == '"') {
        // A quoted value may hold ';': take up to the closing quote in the header.
        size_t start = header.find('"', i + eq) + 1;
        std::string value;
        size_t k = start;
        for (; k < header.size() && header[k] != '"'; ++k) {
          if (header[k] == '\\' && k + 1 < header.size()) ++k;
          value.push_back(header[k]);
        }
        *out = value;
        return true;
      }
      *out = std::string(v);
      return true;
    }
    i = semi + 1;
  }
  return false;
}

}  // namespace

Result<std::string> MultipartBoundary(std::string_view content_type) {
  std::string type = Lower(Trim(content_type.substr(0, content_type.find(';'))));
  if (type != "multipart/form-data") return Status::InvalidArgument("not multipart/form-data");
  std::string boundary;
  if (!Param(content_type, "boundary", &boundary) || boundary.empty())
    return Status::InvalidArgument("multipart/form-data without a boundary");
  if (boundary.size() > 70) return Status::InvalidArgument("multipart boundary longer than 70 characters");
  return boundary;
}

Result<std::vector<FormPart>> ParseMultipart(std::string_view body, std::string_view boundary, size_t max_parts) {
  const std::string delimiter = "--" + std::string(boundary);
  std::vector<FormPart> parts;
  size_t pos = body.find(delimiter);
  if (pos == std::string_view::npos) return Status::InvalidArgument("multipart body: no boundary found");
  pos += delimiter.size();
  for (;;) {
    if (body.substr(pos, 2) == "--") return parts;  // the closing delimiter
    if (body.substr(pos, 2) != "\r\n")
      return Status::InvalidArgument("multipart body: bad delimiter line at byte " + std::to_string(pos));
    pos += 2;
    size_t headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos)
      return Status::InvalidArgument("multipart part " + std::to_string(parts.size() + 1) + ": headers not ended");
    FormPart part;
    bool disposition = false;
    std::string_view headers = body.substr(pos, headers_end - pos);
    size_t h = 0;
    while (h <= headers.size()) {
      size_t eol = headers.find("\r\n", h);
      if (eol == std::string_view::npos) eol = headers.size();
      std::string_view line = headers.substr(h, eol - h);
      size_t colon = line.find(':');
      if (colon != std::string_view::npos) {
        std::string name = Lower(Trim(line.substr(0, colon)));
        std::string_view value = Trim(line.substr(colon + 1));
        if (name == "content-disposition") {
          if (Lower(Trim(value.substr(0, value.find(';')))) != "form-data")
            return Status::InvalidArgument("multipart part " + std::to_string(parts.size() + 1) +
                                           ": Content-Disposition is not form-data");
          disposition = true;
          Param(value, "name", &part.name);
          Param(value, "filename", &part.filename);
        } else if (name == "content-transfer-encoding") {
          std::string enc = Lower(value);
          if (enc != "binary" && enc != "8bit" && enc != "7bit")
            return Status::InvalidArgument("multipart part " + std::to_string(parts.size() + 1) +
                                           ": transfer encoding '" + enc + "' is not supported");
        }
      }
      h = eol + 2;
    }
    if (!disposition)
      return Status::InvalidArgument("multipart part " + std::to_string(parts.size() + 1) +
                                     ": no Content-Disposition");
    size_t data_start = headers_end + 4;
    size_t next = body.find("\r\n" + delimiter, data_start);
    if (next == std::string_view::npos)
      return Status::InvalidArgument("multipart part " + std::to_string(parts.size() + 1) +
                                     ": no closing boundary (body cut short?)");
    part.data = body.substr(data_start, next - data_start);
    parts.push_back(std::move(part));
    if (parts.size() > max_parts)
      return Status::InvalidArgument("multipart body: more than " + std::to_string(max_parts) + " parts");
    pos = next + 2 + delimiter.size();
  }
}

}  // namespace patnav::server
