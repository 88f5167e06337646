// Files, folders and zip members as byte sources (libzip for archives).
#include "readers/input_files.h"

#include <algorithm>
#include <cstdio>
#include <fstream>

#include <zip.h>

namespace patnav {

namespace fs = std::filesystem;

namespace {

class FileSource : public ByteSource {
 public:
  FileSource(std::FILE* f, std::string label, uint64_t size) : f_(f), label_(std::move(label)), size_(size) {}
  ~FileSource() override { std::fclose(f_); }
  Result<size_t> Read(char* buf, size_t n) override {
    size_t got = std::fread(buf, 1, n, f_);
    if (got < n && std::ferror(f_)) return Status::IOError("read error in " + label_);
    return got;
  }
  const std::string& label() const override { return label_; }
  uint64_t size_hint() const override { return size_; }

 private:
  std::FILE* f_;
  std::string label_;
  uint64_t size_;
};

class ZipMemberSource : public ByteSource {
 public:
  ZipMemberSource(zip_t* archive, zip_file_t* file, std::string label, uint64_t size)
      : archive_(archive), file_(file), label_(std::move(label)), size_(size) {}
  ~ZipMemberSource() override {
    zip_fclose(file_);
    zip_discard(archive_);
  }
  Result<size_t> Read(char* buf, size_t n) override {
    zip_int64_t got = zip_fread(file_, buf, n);
    if (got < 0) return Status::IOError("cannot decompress " + label_ + ": " + zip_file_strerror(file_));
    return static_cast<size_t>(got);
  }
  const std::string& label() const override { return label_; }
  uint64_t size_hint() const override { return size_; }

 private:
  zip_t* archive_;
  zip_file_t* file_;
  std::string label_;
  uint64_t size_;
};

bool IsZip(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  char magic[4] = {};
  in.read(magic, 4);
  return in.gcount() == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
}

Status AddZipMembers(const fs::path& p, std::vector<InputFile>& out) {
  int err = 0;
  zip_t* z = zip_open(p.c_str(), ZIP_RDONLY, &err);
  if (!z) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    std::string msg = "cannot open zip " + p.string() + ": " + zip_error_strerror(&ze);
    zip_error_fini(&ze);
    return Status::IOError(msg);
  }
  zip_int64_t n = zip_get_num_entries(z, 0);
  std::vector<InputFile> members;
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    if (zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME)) continue;
    std::string name = st.name;
    if (name.empty() || name.back() == '/') continue;  // a folder entry
    std::string base = fs::path(name).filename().string();
    if (base.empty() || base[0] == '.' || name.find("__MACOSX") != std::string::npos) continue;
    members.push_back({p, name, (st.valid & ZIP_STAT_SIZE) ? st.size : 0});
  }
  zip_discard(z);
  std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.member < b.member; });
  out.insert(out.end(), members.begin(), members.end());
  return Status::OK();
}

// An .xlsx workbook is a zip too, but one input: it holds xl/workbook.xml.
bool IsWorkbookZip(const fs::path& p) {
  int err = 0;
  zip_t* z = zip_open(p.c_str(), ZIP_RDONLY, &err);
  if (!z) return false;
  bool workbook = zip_name_locate(z, "xl/workbook.xml", 0) >= 0;
  zip_discard(z);
  return workbook;
}

Status AddFile(const fs::path& p, std::vector<InputFile>& out) {
  if (IsZip(p) && !IsWorkbookZip(p)) return AddZipMembers(p, out);
  std::error_code ec;
  uint64_t size = fs::file_size(p, ec);
  out.push_back({p, "", ec ? 0 : size});
  return Status::OK();
}

}  // namespace

std::string InputFile::label() const { return member.empty() ? path.string() : path.string() + "!" + member; }

Result<std::vector<InputFile>> ExpandInputs(const std::vector<std::string>& paths) {
  std::vector<InputFile> out;
  for (const auto& raw : paths) {
    fs::path p(raw);
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> files;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file()) files.push_back(it->path());
      }
      if (ec) return Status::IOError("cannot list folder " + p.string() + ": " + ec.message());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) RETURN_IF_ERROR(AddFile(f, out));
    } else if (fs::is_regular_file(p, ec)) {
      RETURN_IF_ERROR(AddFile(p, out));
    } else {
      return Status::InvalidArgument("no such file or folder: " + raw);
    }
  }
  return out;
}

Result<std::unique_ptr<ByteSource>> OpenFileSource(const fs::path& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::IOError("cannot open " + path.string());
  std::error_code ec;
  uint64_t size = fs::file_size(path, ec);
  return std::unique_ptr<ByteSource>(std::make_unique<FileSource>(f, path.string(), ec ? 0 : size));
}

Result<std::unique_ptr<ByteSource>> OpenInput(const InputFile& input) {
  if (input.member.empty()) return OpenFileSource(input.path);
  int err = 0;
  zip_t* z = zip_open(input.path.c_str(), ZIP_RDONLY, &err);
  if (!z) return Status::IOError("cannot open zip " + input.path.string());
  zip_file_t* f = zip_fopen(z, input.member.c_str(), 0);
  if (!f) {
    std::string msg = "cannot open " + input.label() + ": " + zip_strerror(z);
    zip_discard(z);
    return Status::IOError(msg);
  }
  return std::unique_ptr<ByteSource>(std::make_unique<ZipMemberSource>(z, f, input.label(), input.size));
}

}  // namespace patnav
