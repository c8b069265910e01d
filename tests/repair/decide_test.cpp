// Decisions: context between the neighbours, the margin a change needs, names on lists.
#include <gtest/gtest.h>

#include "engine_fixture.hpp"
#include "text/text_util.hpp"

using namespace protokoll;
using namespace protokoll::repair;
using namespace protokoll::testing;

namespace {
// The word each token of line `li` was decided to be.
std::vector<std::string> decided(const DocumentState& doc, std::size_t li) {
  std::vector<std::string> out;
  for (const Token& t : doc.lines[li].tokens) {
    if (t.slot < 0) continue;
    const Choice& ch = doc.choices[static_cast<std::size_t>(t.slot)];
    std::string s;
    for (const auto& p : (*ch.cands)[ch.best].parts) {
      if (!s.empty()) s += " ";
      s += to_utf8(p);
    }
    out.push_back(s);
  }
  return out;
}
}  // namespace

TEST(Decide, ContextAndMarginsOnALostText) {
  PieceFixture f({"Forslag till beslut ar att godkanna forslaget.", "Deltagare: Mats Nilsson, Karin Gerken, Tony Mufic"});
  DocumentState doc(f.piece);
  prepare(doc);
  find_readings(engine(), doc);
  find_neighbours(doc);
  ASSERT_EQ(doc.prev_of.size(), doc.choices.size());
  EXPECT_EQ(doc.prev_of[0], -1);  // the line's first word
  EXPECT_EQ(doc.prev_of[1], 0);
  decide_all(engine(), doc, 0);
  EXPECT_EQ(decided(doc, 0), (std::vector<std::string>{"Förslag", "till", "beslut", "är", "att", "godkänna", "förslaget"}));
  const auto names = decided(doc, 1);
  EXPECT_EQ(names[1], "Mats");  // a name on a list is not "mäts"
  // Each change beats the word as written by the margin it needs.
  for (const Choice& ch : doc.choices)
    if (ch.best != ch.identity) {
      EXPECT_GT(ch.best_score, ch.identity_score);
    }
}

TEST(Decide, ContextCrossesALineBreakOnlyWhereTheSentenceGoesOn) {
  // "… dagens skola är" | "låg." wraps: the word after the break has the one before it as
  // context. A line that starts with a capital, a bullet or after a list of names does not.
  PieceFixture f({"visar att kunskapen om dagens skola ar", "lag. Manga har en forlegad bild",
                  "Det var allt for i dag", "Nasta mote"});
  DocumentState doc(f.piece);
  prepare(doc);
  find_readings(engine(), doc);
  find_neighbours(doc);
  auto slot = [&](std::size_t li, std::size_t nth) {
    std::size_t k = 0;
    for (const Token& t : doc.lines[li].tokens)
      if (t.slot >= 0 && k++ == nth) return t.slot;
    return -1;
  };
  const int ar = slot(0, 6), lag = slot(1, 0), idag = slot(2, 5), nasta = slot(3, 0);
  ASSERT_GE(lag, 0);
  EXPECT_EQ(doc.prev_of[static_cast<std::size_t>(lag)], ar);
  EXPECT_EQ(doc.next_of[static_cast<std::size_t>(ar)], lag);
  EXPECT_EQ(doc.prev_of[static_cast<std::size_t>(nasta)], -1);  // "Nasta" starts with a capital
  EXPECT_EQ(doc.next_of[static_cast<std::size_t>(idag)], -1);
  decide_all(engine(), doc, 0);
  EXPECT_EQ(decided(doc, 0).back(), "är");
  EXPECT_EQ(decided(doc, 1).front(), "låg");
}
