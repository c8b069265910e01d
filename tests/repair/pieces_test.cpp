// How a long document is cut into pieces: the cuts, and that the pieces put together are the
// document again.
#include "repair/pieces.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace protokoll::repair;

namespace {
// The pieces put together: a line break after each line that a piece holds to its end and the
// next piece does not go on with.
std::string joined(const std::vector<std::string_view>& lines, const std::vector<Piece>& pieces) {
  std::string out;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const Piece& p = pieces[k];
    for (std::size_t i = p.first_line; i <= p.last_line; ++i) {
      out += p.segment(lines, i);
      const bool next_goes_on = k + 1 < pieces.size() && pieces[k + 1].first_line == i;
      if (i < p.last_line || (i + 1 < lines.size() && !next_goes_on)) out += '\n';
    }
  }
  return out;
}
std::string joined(const std::vector<std::string_view>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += std::string(lines[i]) + (i + 1 < lines.size() ? "\n" : "");
  return out;
}
}  // namespace

TEST(Pieces, ShortDocumentIsOnePiece) {
  std::vector<std::string_view> lines = {"a", "", "b"};
  auto pieces = plan_pieces(lines, 100);
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0].first_line, 0u);
  EXPECT_EQ(pieces[0].last_line, 2u);
  EXPECT_EQ(pieces[0].bytes, 4u);
  EXPECT_FALSE(pieces[0].continues_line());
  EXPECT_TRUE(plan_pieces({}, 100).empty());
}

TEST(Pieces, CutAfterABlankLineInTheLastQuarter) {
  // 10-byte lines; a blank line after line 7 ends at byte 88 of a 100-byte limit.
  std::vector<std::string> store(20, "123456789");
  std::vector<std::string_view> lines(store.begin(), store.end());
  lines[8] = "";
  auto pieces = plan_pieces(lines, 100);
  ASSERT_GE(pieces.size(), 2u);
  EXPECT_EQ(pieces[0].last_line, 8u);  // the blank line ends the piece
  EXPECT_EQ(pieces[1].first_line, 9u);
  EXPECT_EQ(joined(lines, pieces), joined(lines));
  for (const Piece& p : pieces) EXPECT_LE(p.bytes, 100u);
}

TEST(Pieces, WithoutABlankLineCutAfterTheLastLineBreak) {
  std::vector<std::string> store(30, "123456789");
  std::vector<std::string_view> lines(store.begin(), store.end());
  auto pieces = plan_pieces(lines, 95);
  ASSERT_GE(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].last_line, 8u);  // 9 lines of 10 bytes: 90 <= 95
  EXPECT_EQ(pieces[0].last_end, 9u);
  EXPECT_FALSE(pieces[1].continues_line());
  EXPECT_EQ(joined(lines, pieces), joined(lines));
}

TEST(Pieces, ALineLongerThanTheLimitIsCutAfterASpaceNeverInsideACharacter) {
  std::string words;
  while (words.size() < 1000) words += "ord ";
  std::string no_space(300, 'x');
  for (std::size_t i = 1; i < no_space.size(); i += 3) no_space.replace(i, 2, "ö");  // two bytes each
  std::vector<std::string_view> lines = {words, no_space};
  auto pieces = plan_pieces(lines, 100);
  ASSERT_GT(pieces.size(), 10u);
  EXPECT_TRUE(pieces[1].continues_line());
  EXPECT_EQ(pieces[0].segment(lines, 0).back(), ' ');  // after a space
  for (const Piece& p : pieces) {
    EXPECT_LE(p.bytes, 100u);
    const std::string_view seg = p.segment(lines, p.first_line);
    if (!seg.empty()) {
      EXPECT_NE(static_cast<unsigned char>(seg[0]) & 0xC0, 0x80u);  // not a continuation byte
    }
  }
  EXPECT_EQ(joined(lines, pieces), joined(lines));
}
