// Build-time tool: turns the web app's built bundle (a directory) into one C++
// source defining patnav::server::EmbeddedWebFiles() (src/server/web_assets.h),
// each file's bytes and, where it pays, a gzip copy, so that `patnav serve`
// carries the web app and never reads it from disk.
// Usage: web_embed DIST_DIR OUTPUT.cc   (OUTPUT is rewritten only on change)
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// `data` compressed as a gzip member (no name, mtime 0: reproducible), or ""
// on failure.
std::string Gzip(const std::string& data) {
  z_stream z{};
  if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return "";
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return rc == Z_STREAM_END ? out : "";
}

// A C++ string literal (split into lines) holding exactly `data`. Octal
// escapes are at most three digits, so a following digit is never swallowed.
void WriteLiteral(std::ostream& o, const std::string& data) {
  o << "\"";
  size_t column = 0;
  for (unsigned char c : data) {
    if (column >= 120) {
      o << "\"\n    \"";
      column = 0;
    }
    if (c == '"' || c == '\\') {
      o << '\\' << c;
      column += 2;
    } else if (c == '?') {  // no trigraphs
      o << "\\?";
      column += 2;
    } else if (c >= 0x20 && c < 0x7f) {
      o << c;
      ++column;
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      o << buf;
      column += 4;
    }
  }
  o << "\"";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: web_embed DIST_DIR OUTPUT.cc\n";
    return 2;
  }
  const fs::path dist = argv[1];
  std::error_code ec;
  if (!fs::is_directory(dist, ec)) {
    std::cerr << "web_embed: " << dist << " is not a directory (did `npm run build` in web/ run?)\n";
    return 1;
  }
  std::vector<std::pair<std::string, fs::path>> files;
  for (const auto& entry : fs::recursive_directory_iterator(dist)) {
    if (!entry.is_regular_file()) continue;
    files.emplace_back("/" + fs::relative(entry.path(), dist).generic_string(), entry.path());
  }
  std::sort(files.begin(), files.end());
  bool has_index = false;
  for (const auto& f : files) has_index |= f.first == "/index.html";
  if (!has_index) {
    std::cerr << "web_embed: " << dist << " has no index.html\n";
    return 1;
  }

  std::ostringstream o;
  o << "// Generated at build time from the web app's bundle by web/embed/web_embed.cc. Do not edit.\n"
       "#include \"server/web_assets.h\"\n\nnamespace patnav::server {\n\nnamespace {\n\n";
  std::vector<std::string> rows;
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string data = ReadFile(files[i].second);
    std::string gz = Gzip(data);
    if (gz.empty() || gz.size() * 10 > data.size() * 9) gz.clear();  // not worth it
    o << "constexpr char kFile" << i << "[] =\n    ";
    WriteLiteral(o, data);
    o << ";\n";
    if (!gz.empty()) {
      o << "constexpr char kGzip" << i << "[] =\n    ";
      WriteLiteral(o, gz);
      o << ";\n";
    }
    std::ostringstream row;
    row << "    {";
    WriteLiteral(row, files[i].first);
    row << ", {kFile" << i << ", sizeof kFile" << i << " - 1}, ";
    if (gz.empty())
      row << "{}}";
    else
      row << "{kGzip" << i << ", sizeof kGzip" << i << " - 1}}";
    rows.push_back(row.str());
  }
  o << "\nconstexpr WebFile kFiles[] = {\n";
  for (const auto& r : rows) o << r << ",\n";
  o << "};\n\n}  // namespace\n\nstd::span<const WebFile> EmbeddedWebFiles() { return kFiles; }\n\n"
       "}  // namespace patnav::server\n";

  const std::string content = o.str();
  const fs::path output = argv[2];
  if (fs::exists(output, ec) && ReadFile(output) == content) return 0;
  fs::create_directories(output.parent_path(), ec);
  std::ofstream out(output, std::ios::binary | std::ios::trunc);
  out << content;
  if (!out) {
    std::cerr << "web_embed: cannot write " << output << "\n";
    return 1;
  }
  return 0;
}
