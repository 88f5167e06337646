// Tests for the named-entity table: HTML5 names, the ISO SGML sets HTML5
// lacks, case sensitivity and table order.
#include "readers/xml_entities.h"

#include <gtest/gtest.h>

namespace patnav {
namespace {

TEST(XmlEntitiesTest, Html5Names) {
  EXPECT_EQ(LookupNamedEntity("ldquo"), "\u201C");
  EXPECT_EQ(LookupNamedEntity("rdquo"), "\u201D");
  EXPECT_EQ(LookupNamedEntity("ouml"), "\u00F6");
  EXPECT_EQ(LookupNamedEntity("Ouml"), "\u00D6");
  EXPECT_EQ(LookupNamedEntity("mdash"), "\u2014");
  EXPECT_EQ(LookupNamedEntity("lsqb"), "[");
  EXPECT_EQ(LookupNamedEntity("rsqb"), "]");
  EXPECT_EQ(LookupNamedEntity("af"), "\u2061");
  EXPECT_EQ(LookupNamedEntity("it"), "\u2062");
  EXPECT_EQ(LookupNamedEntity("nvlt"), "<\u20D2");  // two code points
}

TEST(XmlEntitiesTest, PredefinedAreIncluded) {
  EXPECT_EQ(LookupNamedEntity("amp"), "&");
  EXPECT_EQ(LookupNamedEntity("lt"), "<");
  EXPECT_EQ(LookupNamedEntity("gt"), ">");
  EXPECT_EQ(LookupNamedEntity("quot"), "\"");
  EXPECT_EQ(LookupNamedEntity("apos"), "'");
}

TEST(XmlEntitiesTest, IsoGreek1) {
  EXPECT_EQ(LookupNamedEntity("mgr"), "\u03BC");
  EXPECT_EQ(LookupNamedEntity("Mgr"), "\u039C");
  EXPECT_EQ(LookupNamedEntity("lgr"), "\u03BB");
  EXPECT_EQ(LookupNamedEntity("agr"), "\u03B1");
  EXPECT_EQ(LookupNamedEntity("Agr"), "\u0391");
  EXPECT_EQ(LookupNamedEntity("PHgr"), "\u03A6");
  EXPECT_EQ(LookupNamedEntity("phgr"), "\u03C6");
  EXPECT_EQ(LookupNamedEntity("ohgr"), "\u03C9");
  EXPECT_EQ(LookupNamedEntity("OHgr"), "\u03A9");
  EXPECT_EQ(LookupNamedEntity("sfgr"), "\u03C2");
  EXPECT_EQ(LookupNamedEntity("EEgr"), "\u0397");
  EXPECT_EQ(LookupNamedEntity("KHgr"), "\u03A7");
  for (const char* name : {"agr", "Agr", "bgr", "Bgr", "ggr", "Ggr", "dgr", "Dgr", "egr", "Egr", "zgr", "Zgr",
                           "eegr", "EEgr", "thgr", "THgr", "igr", "Igr", "kgr", "Kgr", "lgr", "Lgr", "mgr", "Mgr",
                           "ngr", "Ngr", "xgr", "Xgr", "ogr", "Ogr", "pgr", "Pgr", "rgr", "Rgr", "sgr", "Sgr",
                           "sfgr", "tgr", "Tgr", "ugr", "Ugr", "phgr", "PHgr", "khgr", "KHgr", "psgr", "PSgr",
                           "ohgr", "OHgr"}) {
    EXPECT_TRUE(LookupNamedEntity(name).has_value()) << name;
  }
}

TEST(XmlEntitiesTest, OtherIsoSets) {
  EXPECT_EQ(LookupNamedEntity("aacgr"), "\u03AC");   // ISOgrk2
  EXPECT_EQ(LookupNamedEntity("OHacgr"), "\u038F");
  EXPECT_EQ(LookupNamedEntity("thetas"), "\u03B8");  // ISOgrk3
  EXPECT_EQ(LookupNamedEntity("b.alpha"), "\U0001D6C2");  // ISOgrk4
  EXPECT_EQ(LookupNamedEntity("ang90"), "\u221F");   // ISOtech
  EXPECT_EQ(LookupNamedEntity("half"), "\u00BD");    // ISOnum
  EXPECT_EQ(LookupNamedEntity("horbar"), "\u2015");
  EXPECT_EQ(LookupNamedEntity("ldquor"), "\u201E");  // ISOpub
  EXPECT_EQ(LookupNamedEntity("thinsp"), "\u2009");
  EXPECT_EQ(LookupNamedEntity("emsp13"), "\u2004");
  EXPECT_EQ(LookupNamedEntity("hairsp"), "\u200A");
  EXPECT_EQ(LookupNamedEntity("caret"), "\u2041");
  EXPECT_EQ(LookupNamedEntity("gammad"), "\u03DD");
  EXPECT_EQ(LookupNamedEntity("Upsi"), "\u03D2");
}

TEST(XmlEntitiesTest, UnknownAndCaseSensitive) {
  EXPECT_FALSE(LookupNamedEntity("").has_value());
  EXPECT_FALSE(LookupNamedEntity("nosuchentity").has_value());
  EXPECT_FALSE(LookupNamedEntity("MGR").has_value());
  EXPECT_FALSE(LookupNamedEntity("ldquo;").has_value());
  EXPECT_FALSE(LookupNamedEntity("LDQUO").has_value());
  EXPECT_FALSE(LookupNamedEntity("zzzzzz").has_value());
  EXPECT_FALSE(LookupNamedEntity("AAAAAA").has_value());
}

TEST(XmlEntitiesTest, TableSize) {
  // HTML5 has 2,125 names ending in ';' (2,231 keys with the legacy forms);
  // the ISO additions bring the table to 2,260.
  EXPECT_EQ(NamedEntityCount(), 2260u);
}

}  // namespace
}  // namespace patnav
