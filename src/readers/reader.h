// The one interface every input format implements. A Reader turns a byte
// stream (a file, a member of a zip) into canonical records, one callback per
// record or per rejected record. Readers never stop at a bad record: it is
// reported with where and why, and the rest of the input goes on.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "model/legal_event.h"
#include "model/patent_record.h"
#include "readers/byte_source.h"

namespace patnav {

// A record that could not be read. `doc_index` is the 0-based document number
// within the input (for tables, the 1-based line number of the row).
struct Rejection {
  std::string file;
  int64_t doc_index = 0;
  std::string reason;
  std::string ToString() const;  // "file#index: reason"
};

// Receives what a Reader reads. Called on the reader's thread, in input order.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void OnRecord(PatentRecord&& record) = 0;
  virtual void OnReject(Rejection&& rejection) = 0;
  // A legal event (readers of legal-status sources). Sinks that keep only
  // patent records ignore events: the default does nothing.
  virtual void OnLegalEvent(LegalEvent&& event) { (void)event; }
  // Something read and kept that the user should know about (an event code
  // no table knows, kept unclassified). Not a rejection: nothing was left
  // out. The default ignores it.
  virtual void OnWarning(Rejection&& warning) { (void)warning; }
};

struct ReaderOptions {
  // A column-mapping file (see mapped_table_reader.h) for CSV/TSV/JSONL inputs
  // whose headers no preset knows. Empty when none was given.
  std::string mapping_file;
};

class Reader {
 public:
  virtual ~Reader() = default;
  // The format family, e.g. "uspto-xml", "google-patents-csv".
  virtual std::string_view name() const = 0;
  // Reads every record of `in`. Returns non-OK only when the input as a whole
  // cannot be read (an I/O error); bad records go to sink.OnReject.
  virtual Status Read(ByteSource& in, RecordSink& sink) = 0;
};

// Chooses the reader from the input's first bytes (content, never the file
// name). `head` is at least the first 64 KiB, or the whole input if shorter.
// Unsupported when no reader recognises the content.
Result<std::unique_ptr<Reader>> DetectReader(std::string_view head, const ReaderOptions& options);

}  // namespace patnav
