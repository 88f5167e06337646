// multipart/form-data bodies (RFC 7578), as browsers send file uploads.
// Only what an upload needs: each part's name, filename and bytes; nested
// multiparts and transfer encodings are refused.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace patnav::server {

struct FormPart {
  std::string name;      // the form field
  std::string filename;  // as the client sent it: a label, never a path
  std::string_view data; // points into the body given to ParseMultipart
};

// The boundary parameter of a Content-Type "multipart/form-data; boundary=..."
// header; InvalidArgument when the type is another or the boundary is missing
// or longer than 70 characters.
Result<std::string> MultipartBoundary(std::string_view content_type);

// Splits `body`. InvalidArgument, saying where, for a missing boundary, a
// part without headers or Content-Disposition, a missing closing delimiter,
// or more than `max_parts` parts. The parts' data views point into `body`.
Result<std::vector<FormPart>> ParseMultipart(std::string_view body, std::string_view boundary,
                                             size_t max_parts = 100);

}  // namespace patnav::server
