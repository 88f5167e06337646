// Tests of the synthetic corpus generator.
#include "generator/corpus_generator.h"

#include <gtest/gtest.h>

namespace patnav {
namespace {
TEST(CorpusGenerator, Smoke) {
  GeneratorOptions o;
  o.docs = 50;
  CorpusGenerator g(o);
  EXPECT_FALSE(g.Document(CorpusFormat::kUsptoXml, 10).empty());
}
}  // namespace
}  // namespace patnav
