// Blob compression round trips and refuses damaged frames.
#include "store/zstd_codec.h"

#include "store/store_testing.h"
#include "testing.h"

namespace patnav {
namespace {

TEST(ZstdCodecTest, RoundTrips) {
  ZstdCodec codec(3);
  for (const std::string& in : {std::string(), std::string("x"), std::string("中文专利说明书"),
                                store_testing::ProseText(1, 100000)}) {
    std::string frame, out = "stale";
    ASSERT_TRUE(codec.Compress(in, &frame).ok());
    ASSERT_TRUE(codec.Decompress(frame, &out).ok());
    EXPECT_EQ(out, in);
  }
}

TEST(ZstdCodecTest, ShrinksProse) {
  ZstdCodec codec(3);
  const std::string text = store_testing::ProseText(2, 30 * 1024);
  std::string frame;
  ASSERT_TRUE(codec.Compress(text, &frame).ok());
  EXPECT_LT(frame.size(), text.size() / 3);
}

TEST(ZstdCodecTest, RefusesDamagedFrames) {
  ZstdCodec codec(3);
  std::string frame, out;
  ASSERT_TRUE(codec.Compress(store_testing::ProseText(3, 5000), &frame).ok());
  EXPECT_EQ(codec.Decompress(frame.substr(0, frame.size() / 2), &out).code(), StatusCode::kCorruption);
  EXPECT_EQ(codec.Decompress(frame + "trailing", &out).code(), StatusCode::kCorruption);
  EXPECT_EQ(codec.Decompress("not zstd at all", &out).code(), StatusCode::kCorruption);
  EXPECT_EQ(codec.Decompress("", &out).code(), StatusCode::kCorruption);
  std::string flipped = frame;
  flipped[flipped.size() / 2] ^= 0x5a;
  EXPECT_EQ(codec.Decompress(flipped, &out).code(), StatusCode::kCorruption);  // the checksum catches it
}

}  // namespace
}  // namespace patnav
