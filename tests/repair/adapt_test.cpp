// Adaptation: what the document settled repairs its other misreadings.
#include <gtest/gtest.h>

#include "engine_fixture.hpp"
#include "repair/steps.hpp"
#include "text/text_util.hpp"

using namespace protokoll;
using namespace protokoll::repair;
using namespace protokoll::testing;

TEST(Adapt, FoldedDistanceAndDiacriticMisreadings) {
  EXPECT_EQ(folded_distance(U"Hjelmström", U"Hjelmstréom"), 1u);
  EXPECT_EQ(folded_distance(U"Hjelmström", U"Hjelmstrom"), 0u);
  EXPECT_GE(folded_distance(U"Hjelmström", U"Andersson"), 2u);
  EXPECT_TRUE(misreads_diacritics(U"gällande", U"gidllande"));  // ä read as "id"
  EXPECT_TRUE(misreads_diacritics(U"ökad", U"0okad"));
  EXPECT_TRUE(misreads_diacritics(U"föredrag", U"foredrag"));
  EXPECT_FALSE(misreads_diacritics(U"gällande", U"gidllxnde"));  // two misreadings
}

TEST(Adapt, ASettledWordReadsItsOtherMisreading) {
  PieceFixture f({"Beslutet ar gällande fran i dag.", "1. Beslut gidllande innovationscheckarna"});
  DocumentState doc(f.piece);
  prepare(doc);
  find_readings(engine(), doc);
  find_neighbours(doc);
  decide_all(engine(), doc, 0);
  ASSERT_TRUE(adapt(engine(), doc));
  decide_all(engine(), doc, 1);
  const RepairedPiece out = rewrite(engine(), doc);
  ASSERT_TRUE(out.is_rewritten[1]);
  EXPECT_EQ(out.rewritten[1], "1. Beslut gällande innovationscheckarna");
  EXPECT_GT(doc.words, 0);
}
