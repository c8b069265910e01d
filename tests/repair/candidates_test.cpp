// Candidates and their scores: the readings the search finds for real damaged forms.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine_fixture.hpp"
#include "text/text_util.hpp"

using namespace protokoll;
using namespace protokoll::repair;
using namespace protokoll::testing;

namespace {
// A document that lost its å/ä/ö, as the readings are searched for it.
struct LostDocument {
  PieceFixture f{{"Forslag till beslut ar att godkanna forslaget om forvaltningens arbete."}};
  DocumentState doc{f.piece};
  LostDocument() { prepare(doc); }
};
std::vector<std::string> readings(const std::vector<Candidate>& cands) {
  std::vector<std::string> out;
  for (const auto& c : cands) {
    std::string s;
    for (const auto& p : c.parts) {
      if (!s.empty()) s += " ";
      s += to_utf8(p);
    }
    out.push_back(s);
  }
  return out;
}
bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
}  // namespace

TEST(Candidates, ConfusionsUndoneGluedWordsSplitAndTheFormItself) {
  LostDocument d;
  const auto fv = engine().generate(U"férvaltningen", d.doc);
  EXPECT_TRUE(has(readings(fv), "förvaltningen"));
  EXPECT_EQ(std::count_if(fv.begin(), fv.end(), [](const Candidate& c) { return c.identity; }), 1);
  EXPECT_TRUE(has(readings(engine().generate(U"Uppdragi", d.doc)), "Uppdrag i"));
  EXPECT_TRUE(has(readings(engine().generate(U"gallande", d.doc)), "gällande"));
  // A listed word written with å/ä/ö was read right: it is its only reading.
  const auto right = engine().generate(U"förslag", d.doc);
  ASSERT_EQ(right.size(), 1u);
  EXPECT_TRUE(right[0].identity);
  EXPECT_LE(engine().generate(U"ochså", d.doc).size(), tuning::kMaxCandidates + tuning::kLexiconVariants + 1);
}

TEST(Scoring, PriorsAndChannelFollowTheLanguageAndTheDocument) {
  LostDocument d;
  const auto& e = engine();
  // A common word beats a rare one, a known one an unknown one.
  EXPECT_GT(e.word_prior("för", e.lm.id("för"), 2, 0), e.word_prior("förvaltningen", e.lm.id("förvaltningen"), 2, 0));
  EXPECT_GT(e.word_prior("förvaltningen", e.lm.id("förvaltningen"), 2, 0), e.word_prior("xqzt", -1, 0, 0));
  // In a text that lost its å/ä/ö, keeping an "ä" is unlikely, losing one likely.
  EXPECT_LT(e.channel_keep(U'ä', d.doc), -0.3);
  PieceFixture clean({"Förslag till beslut är att godkänna förslaget om förvaltningens arbete på skolan i år."});
  DocumentState kept(clean.piece);
  prepare(kept);
  EXPECT_GT(e.channel_keep(U'ä', kept), e.channel_keep(U'ä', d.doc));
  EXPECT_EQ(e.tier_of(U"förvaltningen"), 2);
  EXPECT_EQ(e.tier_of(U"férvaltningen"), 0);
}

TEST(Readings, EachDistinctFormOnceAndAChoicePerWord) {
  PieceFixture f({"Forslag och forslag och Forslag"});
  DocumentState doc(f.piece);
  prepare(doc);
  find_readings(engine(), doc);
  EXPECT_EQ(doc.word_tokens, 5u);
  EXPECT_EQ(doc.choices.size(), 5u);
  EXPECT_EQ(doc.readings.size(), 3u);  // Forslag, och, forslag
  EXPECT_EQ(doc.choices[0].form, doc.choices[4].form);
}
