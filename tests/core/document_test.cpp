#include "protokoll/document.hpp"

#include <gtest/gtest.h>

#include "io/sha256.hpp"

using namespace protokoll;

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // 56 bytes: the padding spills into a second block.
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(PagesFromText, SplitsPagesOnFormFeedAndKeepsEmptyLines) {
  auto pages = pages_from_text("rad ett\n\nrad tre\fsida två\r\nslut", 3);
  ASSERT_EQ(pages.size(), 2u);
  ASSERT_EQ(pages[0].lines.size(), 3u);
  EXPECT_EQ(pages[0].lines[1].text, "");
  EXPECT_EQ(pages[0].lines[2].text, "rad tre");
  EXPECT_EQ(pages[1].number, 2);
  EXPECT_EQ(pages[1].source, 3u);
  ASSERT_EQ(pages[1].lines.size(), 2u);
  EXPECT_EQ(pages[1].lines[0].text, "sida två");
}

TEST(Document, TextJoinsPagesAndMeanConfidenceUsesOcrWords) {
  Document doc;
  doc.pages = pages_from_text("a\nb\fc", 0);
  EXPECT_EQ(doc.text(), "a\nb\fc");
  EXPECT_FALSE(doc.mean_confidence().has_value());
  doc.pages[0].lines[0].words = {Word{"a", 90.0f, std::nullopt}, Word{"b", 70.0f, std::nullopt}};
  ASSERT_TRUE(doc.mean_confidence().has_value());
  EXPECT_DOUBLE_EQ(*doc.mean_confidence(), 80.0);
}
