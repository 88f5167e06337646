// For reader tests: a RecordSink that keeps everything a reader gives it.
#pragma once

#include <utility>
#include <vector>

#include "readers/reader.h"

namespace patnav::testing {

struct CollectingSink : RecordSink {
  std::vector<PatentRecord> records;
  std::vector<LegalEvent> events;
  std::vector<Rejection> rejections, warnings;
  void OnRecord(PatentRecord&& r) override { records.push_back(std::move(r)); }
  void OnReject(Rejection&& r) override { rejections.push_back(std::move(r)); }
  void OnLegalEvent(LegalEvent&& e) override { events.push_back(std::move(e)); }
  void OnWarning(Rejection&& w) override { warnings.push_back(std::move(w)); }
};

}  // namespace patnav::testing
