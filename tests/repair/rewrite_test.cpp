// Rewriting: case patterns, changes with their places, lines nothing changed left alone.
#include <gtest/gtest.h>

#include "engine_fixture.hpp"

using namespace protokoll;
using namespace protokoll::repair;
using namespace protokoll::testing;

TEST(Rewrite, KeepsCaseAndSaysWhereEachChangeIs) {
  PieceFixture f({"FORSLAG: Forslag och forslag ar klara.", "Plats: Jupiter", "Tid: l3.0O"});
  const RepairedPiece out = engine().run(f.piece);
  ASSERT_EQ(out.rewritten.size(), 3u);
  EXPECT_EQ(out.rewritten[0], "FÖRSLAG: Förslag och förslag är klara.");
  EXPECT_FALSE(out.is_rewritten[1]);  // nothing to change: the line as read
  EXPECT_EQ(out.rewritten[2], "Tid: 13.00");
  ASSERT_GE(out.changes.size(), 5u);
  EXPECT_EQ(out.changes[0].line, 1u);
  EXPECT_EQ(out.changes[0].column, 1u);
  EXPECT_EQ(out.changes[0].from, "FORSLAG");
  EXPECT_EQ(out.changes[0].to, "FÖRSLAG");
  EXPECT_EQ(out.changes[1].column, 10u);
  EXPECT_EQ(out.changes.back().line, 3u);
  EXPECT_EQ(out.changes.back().score, tuning::kDigitScore);
  EXPECT_EQ(out.changed_words, out.changes.size());
  EXPECT_EQ(out.words, 10u);  // "13" and "00" are word tokens too, never searched
}
