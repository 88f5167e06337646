// Tests of MergeSegments: merging generations of segments (documents
// re-indexed with new text in later ones, some documents gone) gives
// exactly the segment a writer fed only each live document's newest text
// would give.
#include "index/segment_merge.h"

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "base/random.h"
#include "index/text_analysis.h"
#include "index/text_segment_writer.h"
#include "testing.h"

namespace patnav::index {
namespace {

using patnav::testing::ScratchDir;

// A segment's whole content in comparable form.
struct Dump {
  std::map<std::string, std::tuple<uint32_t, uint64_t, std::vector<std::tuple<uint32_t, uint32_t, std::vector<uint32_t>>>>>
      terms;
  std::vector<std::pair<uint32_t, uint64_t>> documents;
  bool operator==(const Dump&) const = default;
};

Dump DumpOf(const TextSegment& seg) {
  Dump d;
  for (const SegmentTerm& t : seg.dictionary()) {
    auto& [df, cf, postings] = d.terms[std::string(t.term)];
    df = t.doc_freq;
    cf = t.coll_freq;
    PostingCursor c = seg.Postings(t.term);
    std::vector<uint32_t> pos;
    while (c.Next()) {
      EXPECT_TRUE(c.Positions(&pos));
      postings.emplace_back(c.docid(), c.wdf(), pos);
    }
    EXPECT_TRUE(c.status().ok()) << c.status().ToString();
  }
  for (size_t i = 0; i < seg.docids().size(); ++i) d.documents.emplace_back(seg.docids()[i], seg.lengths()[i]);
  return d;
}

std::string RandomText(Random& rng) {
  static const char* const kWords[] = {"cell", "anode", "the", "of", "battery", "锂电池", "electrode", "wherein"};
  std::string t;
  for (size_t i = 0, n = 1 + rng.Uniform(25); i < n; ++i) t += std::string(kWords[rng.Uniform(std::size(kWords))]) + " ";
  return t;
}

void AddDocument(TextSegmentWriter& w, uint32_t docid, const std::string& text) {
  w.BeginDocument(docid);
  Xapian::termpos pos = 0;
  ForEachIndexTerm(text, "XCL", &pos, [&](const std::string& term, Xapian::termpos at) { w.Add(term, at); });
  w.EndDocument();
}

TextSegment WriteAndOpen(const TextSegmentWriter& w, const std::filesystem::path& path) {
  EXPECT_TRUE(w.Write(path).ok());
  Result<TextSegment> seg = TextSegment::Open(path);
  EXPECT_TRUE(seg.ok()) << seg.status().ToString();
  return std::move(*seg);
}

TEST(SegmentMergeTest, NewestVersionOfEachLiveDocumentAsAFreshWriterWouldHoldIt) {
  ScratchDir dir;
  Random rng(5);
  std::map<uint32_t, std::string> newest;  // what the index holds after every generation
  std::vector<TextSegment> generations;
  const uint32_t ranges[3][2] = {{1, 200}, {201, 260}, {261, 300}};
  for (int g = 0; g < 3; ++g) {
    std::map<uint32_t, std::string> texts;
    for (uint32_t d = ranges[g][0]; d <= ranges[g][1]; ++d) texts[d] = RandomText(rng);
    if (g > 0)  // documents of earlier generations re-indexed with new text
      for (int k = 0; k < 60; ++k) texts[1 + static_cast<uint32_t>(rng.Uniform(ranges[g][0] - 1))] = RandomText(rng);
    TextSegmentWriter w;
    for (const auto& [d, t] : texts) {
      AddDocument(w, d, t);
      newest[d] = t;
    }
    generations.push_back(WriteAndOpen(w, dir.path() / ("gen" + std::to_string(g))));
  }
  auto live = [](uint32_t d) { return d % 17 != 0; };

  std::vector<const TextSegment*> inputs;
  for (const TextSegment& s : generations) inputs.push_back(&s);
  ASSERT_TRUE(MergeSegments(inputs, live, dir.path() / "merged").ok());
  Result<TextSegment> merged = TextSegment::Open(dir.path() / "merged");
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();

  TextSegmentWriter fresh;
  for (const auto& [d, t] : newest)
    if (live(d)) AddDocument(fresh, d, t);
  const TextSegment expected = WriteAndOpen(fresh, dir.path() / "fresh");
  EXPECT_EQ(merged->documents(), expected.documents());
  EXPECT_TRUE(DumpOf(*merged) == DumpOf(expected));
  // The merge's inputs really differed from the result: re-indexed documents
  // and dead ones were there to leave out.
  size_t input_documents = 0;
  for (const TextSegment& s : generations) input_documents += s.documents();
  EXPECT_GT(input_documents, merged->documents() + 100);
}

TEST(SegmentMergeTest, TermsOnlyInLeftOutDocumentsAreDropped) {
  ScratchDir dir;
  TextSegmentWriter w;
  AddDocument(w, 1, "cell anode");
  AddDocument(w, 2, "cathode");
  const TextSegment seg = WriteAndOpen(w, dir.path() / "one");
  ASSERT_TRUE(MergeSegments({&seg}, [](uint32_t d) { return d != 2; }, dir.path() / "merged").ok());
  Result<TextSegment> merged = TextSegment::Open(dir.path() / "merged");
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(merged->Find("XCLcathode"), nullptr);
  EXPECT_NE(merged->Find("XCLcell"), nullptr);
  EXPECT_EQ(merged->docids(), std::vector<uint32_t>{1});
  // Everything live: the same content.
  ASSERT_TRUE(MergeSegments({&seg}, [](uint32_t) { return true; }, dir.path() / "all").ok());
  Result<TextSegment> all = TextSegment::Open(dir.path() / "all");
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(DumpOf(*all) == DumpOf(seg));
}

}  // namespace
}  // namespace patnav::index
