// SegmentFileWriter: writes one text segment file (text_segment_format.h)
// term by term, for the inverter (text_segment_writer.h) and the merge
// (segment_merge.h) alike. Streams go to the file as they come; the
// document table and the dictionary are held until Finish, which writes
// them, then the header with the body's checksum, then syncs the file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "base/status.h"
#include "index/text_segment_format.h"

namespace patnav::index {

class SegmentFileWriter {
 public:
  explicit SegmentFileWriter(std::filesystem::path path) : path_(std::move(path)) {}
  ~SegmentFileWriter();
  SegmentFileWriter(const SegmentFileWriter&) = delete;
  SegmentFileWriter& operator=(const SegmentFileWriter&) = delete;

  // Creates (or truncates) the file. IOError naming it on failure.
  Status Open();
  // One term's streams. REQUIRES: terms strictly ascending, doc_freq > 0.
  Status AddTerm(std::string_view term, uint64_t doc_freq, uint64_t coll_freq, std::string_view postings,
                 std::string_view positions);
  // One document. REQUIRES: docids strictly ascending, docid > 0.
  void AddDocument(uint32_t docid, uint64_t length);
  // Writes the rest and syncs the file and its directory; the file is
  // complete, and its name durable, only when this is OK.
  Status Finish();

 private:
  Status Append(std::string_view bytes);
  Status Flush();
  Status Error(const char* what) const;

  std::filesystem::path path_;
  int fd_ = -1;
  uint64_t offset_ = 0;
  std::string buffer_;
  text_segment::BodyChecksum checksum_;
  std::string doc_table_;
  std::string dictionary_;
  uint32_t documents_ = 0, terms_ = 0, last_docid_ = 0;
};

}  // namespace patnav::index
