// Tests of the text segment: that it holds exactly what Xapian holds for the
// same analysed text (terms, frequencies, wdf, positions, document lengths),
// that a position set is a set, that cursors skip correctly, and that a
// damaged file is refused whole with the reason.
#include "index/text_segment.h"

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "base/random.h"
#include "index/document_builder.h"
#include "index/text_analysis.h"
#include "index/text_segment_format.h"
#include "index/text_segment_writer.h"
#include "testing.h"

namespace patnav::index {
namespace {

using patnav::testing::ScratchDir;

// A text of `words` drawn from English words (any case, some inflected),
// digits and CJK runs, so every kind of token the analyser makes occurs.
std::string RandomText(Random& rng, size_t words) {
  static const char* const kWords[] = {"battery", "Batteries", "cell", "cells", "anode", "cathode", "the", "a",
                                       "wherein", "said", "lithium-ion", "2.5", "10,000", "patent's", "锂电池",
                                       "电池", "正极材料", "锂", "LiFePO4正极", "Ｆｕｌｌ", "déjà", "ΣΑΣ"};
  std::string text;
  for (size_t i = 0; i < words; ++i) {
    if (!text.empty()) text += rng.Uniform(8) == 0 ? ". " : " ";
    text += kWords[rng.Uniform(std::size(kWords))];
  }
  return text;
}

// Fields of one document as the builder lays them: several texts per
// prefix with a gap between them.
struct Doc {
  std::vector<std::pair<std::string, std::string>> texts;  // (prefix, text)
};

std::vector<Doc> RandomDocs(uint64_t seed, size_t n) {
  Random rng(seed);
  static const char* const kPrefixes[] = {"S", "XAB", "XCL"};
  std::vector<Doc> docs(n);
  for (Doc& d : docs) {
    const size_t texts = rng.Uniform(5);  // some documents have no text at all
    for (size_t i = 0; i < texts; ++i)
      d.texts.emplace_back(kPrefixes[rng.Uniform(3)], RandomText(rng, 1 + rng.Uniform(40)));
  }
  return docs;
}

// Lays `d` out through `text(prefix, text, &pos)` with the builder's gap.
template <typename Fn>
void LayOut(const Doc& d, Fn&& text) {
  std::map<std::string, Xapian::termpos> pos;
  for (const auto& [prefix, t] : d.texts) {
    Xapian::termpos& at = pos[prefix];
    if (at != 0) at += kFieldGap;
    text(prefix, t, &at);
  }
}

std::vector<uint32_t> XapianPositions(const Xapian::Database& db, Xapian::docid did, const std::string& term) {
  std::vector<uint32_t> out;
  for (auto p = db.positionlist_begin(did, term); p != db.positionlist_end(did, term); ++p) out.push_back(*p);
  return out;
}

TEST(TextSegmentTest, HoldsExactlyWhatXapianHoldsForTheSameText) {
  const std::vector<Doc> docs = RandomDocs(20261207, 300);
  Xapian::WritableDatabase xdb(std::string(), Xapian::DB_BACKEND_INMEMORY);
  TextSegmentWriter writer;
  for (size_t i = 0; i < docs.size(); ++i) {
    Xapian::Document xdoc;
    LayOut(docs[i], [&](const std::string& prefix, const std::string& text, Xapian::termpos* pos) {
      IndexText(xdoc, text, prefix, pos);
    });
    xdb.replace_document(static_cast<Xapian::docid>(i + 1), xdoc);
    writer.BeginDocument(static_cast<uint32_t>(i + 1));
    LayOut(docs[i], [&](const std::string& prefix, const std::string& text, Xapian::termpos* pos) {
      ForEachIndexTerm(text, prefix, pos, [&](const std::string& term, Xapian::termpos at) { writer.Add(term, at); });
    });
    writer.EndDocument();
  }
  xdb.commit();

  ScratchDir dir;
  ASSERT_TRUE(writer.Write(dir.path() / "seg").ok());
  Result<TextSegment> seg = TextSegment::Open(dir.path() / "seg");
  ASSERT_TRUE(seg.ok()) << seg.status().ToString();

  // Documents: those with a term, and their lengths.
  std::vector<uint32_t> with_terms;
  for (auto it = xdb.postlist_begin(""); it != xdb.postlist_end(""); ++it)
    if (xdb.get_doclength(*it) > 0) with_terms.push_back(*it);
  ASSERT_FALSE(with_terms.empty());
  EXPECT_LT(with_terms.size(), docs.size());  // the corpus has empty documents too
  EXPECT_EQ(seg->docids(), with_terms);
  for (uint32_t did : with_terms) EXPECT_EQ(seg->DocLength(did).value_or(0), xdb.get_doclength(did)) << did;
  EXPECT_FALSE(seg->DocLength(static_cast<uint32_t>(docs.size() + 5)).has_value());

  // Terms, frequencies, postings and positions.
  size_t terms = 0, positional = 0;
  for (auto t = xdb.allterms_begin(); t != xdb.allterms_end(); ++t) {
    const std::string term = *t;
    ++terms;
    const SegmentTerm* entry = seg->Find(term);
    ASSERT_NE(entry, nullptr) << term;
    EXPECT_EQ(entry->doc_freq, xdb.get_termfreq(term)) << term;
    EXPECT_EQ(entry->coll_freq, xdb.get_collection_freq(term)) << term;
    PostingCursor cursor = seg->Postings(term);
    std::vector<uint32_t> ours;
    for (auto p = xdb.postlist_begin(term); p != xdb.postlist_end(term); ++p) {
      ASSERT_TRUE(cursor.Next()) << term;
      EXPECT_EQ(cursor.docid(), *p) << term;
      EXPECT_EQ(cursor.wdf(), p.get_wdf()) << term;
      ASSERT_TRUE(cursor.Positions(&ours));
      EXPECT_EQ(ours, XapianPositions(xdb, *p, term)) << term << " in " << *p;
      positional += !ours.empty();
    }
    EXPECT_FALSE(cursor.Next()) << term;
    EXPECT_TRUE(cursor.status().ok()) << cursor.status().ToString();
  }
  EXPECT_EQ(seg->terms(), terms);
  EXPECT_GT(positional, 0u);
  EXPECT_EQ(seg->Find("no such term"), nullptr);
  EXPECT_FALSE(seg->Postings("no such term").Next());
}

TEST(TextSegmentTest, PositionsAreASetInAnyOrderOfArrival) {
  TextSegmentWriter writer;
  Xapian::Document xdoc;
  writer.BeginDocument(7);
  for (uint32_t at : {5u, 3u, 5u, 9u, 1u}) {
    writer.Add("Sword", at);
    xdoc.add_posting("Sword", at);
  }
  writer.Add("Sword", 0);
  xdoc.add_term("Sword");
  writer.EndDocument();
  writer.BeginDocument(8);
  writer.Add("Sword", 2);
  writer.EndDocument();

  ScratchDir dir;
  ASSERT_TRUE(writer.Write(dir.path() / "seg").ok());
  Result<TextSegment> seg = TextSegment::Open(dir.path() / "seg");
  ASSERT_TRUE(seg.ok()) << seg.status().ToString();
  PostingCursor c = seg->Postings("Sword");
  std::vector<uint32_t> pos;
  ASSERT_TRUE(c.Next());
  EXPECT_EQ(c.docid(), 7u);
  EXPECT_EQ(c.wdf(), xdoc.termlist_begin().get_wdf());
  ASSERT_TRUE(c.Positions(&pos));
  std::vector<uint32_t> expected;
  for (auto p = xdoc.termlist_begin().positionlist_begin(); p != xdoc.termlist_begin().positionlist_end(); ++p)
    expected.push_back(*p);
  EXPECT_EQ(pos, expected);
  EXPECT_EQ(pos, (std::vector<uint32_t>{1, 3, 5, 9}));
  ASSERT_TRUE(c.Next());  // the next document's run starts after the reordered one
  EXPECT_EQ(c.docid(), 8u);
  ASSERT_TRUE(c.Positions(&pos));
  EXPECT_EQ(pos, (std::vector<uint32_t>{2}));
}

TEST(TextSegmentTest, SkipToFindsTheFirstDocumentAtOrAfterAndNeverGoesBack) {
  TextSegmentWriter writer;
  for (uint32_t did = 1; did <= 100; ++did) {
    writer.BeginDocument(did * 3);
    if (did % 2 == 0) writer.Add("even", did);
    writer.Add("all", 0);
    writer.EndDocument();
  }
  ScratchDir dir;
  ASSERT_TRUE(writer.Write(dir.path() / "seg").ok());
  Result<TextSegment> seg = TextSegment::Open(dir.path() / "seg");
  ASSERT_TRUE(seg.ok()) << seg.status().ToString();
  EXPECT_EQ(seg->documents(), 100u);
  PostingCursor c = seg->Postings("even");
  ASSERT_TRUE(c.SkipTo(10));
  EXPECT_EQ(c.docid(), 12u);  // doc 4 * 3
  ASSERT_TRUE(c.SkipTo(12));  // already there
  EXPECT_EQ(c.docid(), 12u);
  ASSERT_TRUE(c.SkipTo(5));   // never back
  EXPECT_EQ(c.docid(), 12u);
  ASSERT_TRUE(c.SkipTo(13));
  EXPECT_EQ(c.docid(), 18u);
  std::vector<uint32_t> pos;
  ASSERT_TRUE(c.Positions(&pos));
  EXPECT_EQ(pos, (std::vector<uint32_t>{6}));
  EXPECT_FALSE(c.SkipTo(301));
  EXPECT_FALSE(c.SkipTo(1));  // ended stays ended
  EXPECT_TRUE(c.status().ok());
}

TEST(TextSegmentTest, AnEmptySegmentWritesAndOpens) {
  TextSegmentWriter writer;
  writer.BeginDocument(1);
  writer.EndDocument();  // no term: not recorded
  ScratchDir dir;
  ASSERT_TRUE(writer.Write(dir.path() / "seg").ok());
  Result<TextSegment> seg = TextSegment::Open(dir.path() / "seg");
  ASSERT_TRUE(seg.ok()) << seg.status().ToString();
  EXPECT_EQ(seg->documents(), 0u);
  EXPECT_EQ(seg->terms(), 0u);
}

TEST(TextSegmentTest, ADamagedFileIsRefusedWholeWithTheReason) {
  TextSegmentWriter writer;
  for (uint32_t did = 1; did <= 20; ++did) {
    writer.BeginDocument(did);
    writer.Add("Sbattery", 1);
    writer.Add("ZSbatteri", 0);
    writer.EndDocument();
  }
  ScratchDir dir;
  ASSERT_TRUE(writer.Write(dir.path() / "seg").ok());
  const std::string good = testing::ReadFile(dir.path() / "seg");
  ASSERT_TRUE(TextSegment::FromBytes(good, "good").ok());

  auto refused = [](const std::string& bytes) {
    Result<TextSegment> seg = TextSegment::FromBytes(bytes, "bad.seg");
    EXPECT_FALSE(seg.ok());
    if (seg.ok()) return std::string();
    EXPECT_EQ(seg.status().code(), StatusCode::kCorruption);
    EXPECT_NE(seg.status().message().find("bad.seg"), std::string::npos) << seg.status().message();
    return seg.status().message();
  };
  EXPECT_NE(refused(good.substr(0, 20)).find("shorter than its header"), std::string::npos);
  EXPECT_NE(refused(good.substr(0, good.size() - 1)).find("checksum mismatch"), std::string::npos);
  EXPECT_NE(refused(good.substr(0, text_segment::kHeaderBytes + 1)).find("past the end"), std::string::npos);
  std::string magic = good;
  magic[0] = 'X';
  EXPECT_NE(refused(magic).find("bad magic"), std::string::npos);
  std::string version = good;
  text_segment::PutFixed32(version.data() + text_segment::kVersionAt, 99);
  EXPECT_NE(refused(version).find("format version 99"), std::string::npos);
  for (size_t at = text_segment::kHeaderBytes; at < good.size(); at += 7) {
    std::string flipped = good;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x20);
    EXPECT_NE(refused(flipped).find("checksum mismatch"), std::string::npos) << at;
  }
  EXPECT_EQ(TextSegment::Open(dir.path() / "missing").status().code(), StatusCode::kIOError);
}

}  // namespace
}  // namespace patnav::index
