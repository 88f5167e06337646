// SegmentFileWriter: buffered appends, the checksum kept on the way, the
// header written last at offset 0.
#include "index/text_segment_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace patnav::index {

using text_segment::PutVarint;

SegmentFileWriter::~SegmentFileWriter() {
  if (fd_ >= 0) ::close(fd_);
}

Status SegmentFileWriter::Error(const char* what) const {
  return Status::IOError(std::string(what) + " text segment " + path_.string() + ": " + std::strerror(errno));
}

Status SegmentFileWriter::Open() {
  fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) return Error("cannot create");
  offset_ = text_segment::kHeaderBytes;
  if (::lseek(fd_, static_cast<off_t>(offset_), SEEK_SET) < 0) return Error("cannot seek in");
  return Status::OK();
}

Status SegmentFileWriter::Append(std::string_view bytes) {
  checksum_.Add(bytes);
  buffer_.append(bytes);
  offset_ += bytes.size();
  if (buffer_.size() >= (1u << 20)) return Flush();
  return Status::OK();
}

Status SegmentFileWriter::Flush() {
  const char* p = buffer_.data();
  size_t n = buffer_.size();
  while (n > 0) {
    const ssize_t w = ::write(fd_, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return Error("cannot write");
    p += w;
    n -= static_cast<size_t>(w);
  }
  buffer_.clear();
  return Status::OK();
}

Status SegmentFileWriter::AddTerm(std::string_view term, uint64_t doc_freq, uint64_t coll_freq,
                                  std::string_view postings, std::string_view positions) {
  PutVarint(dictionary_, term.size());
  dictionary_.append(term);
  PutVarint(dictionary_, doc_freq);
  PutVarint(dictionary_, coll_freq);
  PutVarint(dictionary_, offset_);
  PutVarint(dictionary_, postings.size());
  PutVarint(dictionary_, positions.size());
  ++terms_;
  RETURN_IF_ERROR(Append(postings));
  return Append(positions);
}

void SegmentFileWriter::AddDocument(uint32_t docid, uint64_t length) {
  PutVarint(doc_table_, docid - last_docid_);
  PutVarint(doc_table_, length);
  last_docid_ = docid;
  ++documents_;
}

Status SegmentFileWriter::Finish() {
  const uint64_t doc_table_offset = offset_;
  RETURN_IF_ERROR(Append(doc_table_));
  const uint64_t dictionary_offset = offset_;
  RETURN_IF_ERROR(Append(dictionary_));
  RETURN_IF_ERROR(Flush());
  std::string header(text_segment::kHeaderBytes, '\0');
  std::memcpy(header.data() + text_segment::kMagicAt, text_segment::kMagic, sizeof text_segment::kMagic);
  text_segment::PutFixed32(header.data() + text_segment::kVersionAt, text_segment::kVersion);
  text_segment::PutFixed32(header.data() + text_segment::kDocumentsAt, documents_);
  text_segment::PutFixed32(header.data() + text_segment::kTermsAt, terms_);
  text_segment::PutFixed64(header.data() + text_segment::kDocTableAt, doc_table_offset);
  text_segment::PutFixed64(header.data() + text_segment::kDictionaryAt, dictionary_offset);
  text_segment::PutFixed64(header.data() + text_segment::kChecksumAt, checksum_.Finish());
  if (::pwrite(fd_, header.data(), header.size(), 0) != static_cast<ssize_t>(header.size()))
    return Error("cannot write the header of");
  if (::fsync(fd_) != 0) return Error("cannot sync");
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) return Error("cannot close");
  // The file's name too: a commit naming the segment must not outlive it.
  const std::filesystem::path parent = path_.has_parent_path() ? path_.parent_path() : std::filesystem::path(".");
  const int dir = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return Error("cannot open the directory of");
  const int synced = ::fsync(dir);
  ::close(dir);
  if (synced != 0) return Error("cannot sync the directory of");
  return Status::OK();
}

}  // namespace patnav::index
