// Tokens: what the repair may change and what it must leave, on real lines of minutes.
#include <gtest/gtest.h>

#include "engine_fixture.hpp"
#include "repair/steps.hpp"
#include "text/text_util.hpp"

using namespace protokoll;
using namespace protokoll::repair;
using namespace protokoll::testing;

TEST(ProtectedSpans, UrlsAddressesAndDomainsButNotSentenceEnds) {
  const std::u32string line = U"Se https://helsingborg.se/forslag, mejla mats.nilsson@helsingborg.se eller skolverket.se.";
  EXPECT_TRUE(may_hold_address(line));
  const Spans spans = protected_spans(line);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(to_utf8(line.substr(spans[0].first, spans[0].second - spans[0].first)), "https://helsingborg.se/forslag,");
  EXPECT_EQ(to_utf8(line.substr(spans[1].first, spans[1].second - spans[1].first)), "mats.nilsson@helsingborg.se");
  EXPECT_FALSE(may_hold_address(U"Mötet avslutades. Nästa möte: tisdag."));
  EXPECT_TRUE(protected_spans(U"Beslut: ja. Punkt 2.").empty());
}

TEST(Bullets, GlyphsReadAsLettersAtTheStartOfALine) {
  char32_t glyph = 0;
  EXPECT_EQ(bullet_at(U"e Ökad trygghet", 0, glyph), 1u);
  EXPECT_EQ(glyph, U'•');
  EXPECT_EQ(bullet_at(U"o Underpunkt", 0, glyph), 1u);
  EXPECT_EQ(glyph, U'◦');
  EXPECT_EQ(bullet_at(U"e", 0, glyph), 0u);        // alone
  EXPECT_EQ(bullet_at(U"en ny rad", 0, glyph), 0u);  // a word
}

TEST(Repairable, WordsAndOcrDigitsButNeverNumbersOrAcronyms) {
  EXPECT_TRUE(repairable(U"férvaltningen", U"016"));
  EXPECT_TRUE(repairable(U"6kat", U"016"));    // 6 for ö
  EXPECT_TRUE(repairable(U"0Okad", U"016"));
  EXPECT_FALSE(repairable(U"2021", U"016"));
  EXPECT_FALSE(repairable(U"T2", U"016"));
  EXPECT_FALSE(repairable(U"SKA", U"016"));    // a short acronym
  EXPECT_FALSE(repairable(std::u32string(60, U'a'), U"016"));  // longer than any compound
}

TEST(Tokenize, MarksFixedTokensBulletsAndDigitsOnRealLines) {
  PieceFixture f({"e Okad involvering, se www.helsingborg.se", "Tid: l3.0O-16.OO", "LG och SKA traffas"});
  DocumentState doc(f.piece);
  tokenize(engine(), doc);
  ASSERT_EQ(doc.lines.size(), 3u);
  const LineWork& bullet = doc.lines[0];
  EXPECT_EQ(bullet.bullet_glyph, U'•');
  EXPECT_EQ(bullet.bullet_token, 0u);
  const Token& url = bullet.tokens.back();
  EXPECT_TRUE(url.fixed);
  EXPECT_EQ(to_utf8(doc.lines[1].text), "Tid: 13.00-16.00");  // digits given back in place
  EXPECT_EQ(to_utf8(doc.lines[1].read), "Tid: l3.0O-16.OO");
  for (const Token& t : doc.lines[2].tokens)
    if (t.word && t.end - t.begin <= 3 && doc.lines[2].text[t.begin] <= U'Z') {
      EXPECT_TRUE(t.fixed);
    }
  EXPECT_GT(doc.lines[0].letters, 20u);
}

TEST(PageTopJunk, LogoLettersBeforeAPagesFirstLineAreDropped) {
  PieceFixture f({"% POEk Skol- och fritidsförvaltningen", "Plats: Jupiter"});
  DocumentState doc(f.piece);
  tokenize(engine(), doc);
  mark_page_top_junk(engine(), doc);
  EXPECT_LT(doc.lines[0].junk_begin, doc.lines[0].junk_end);
  EXPECT_EQ(doc.lines[1].junk_begin, doc.lines[1].junk_end);  // not a page's top
}

TEST(SentenceStart, AfterAStopAColonOrABullet) {
  PieceFixture f({"Vi har Mats. Karin: Anna och Per"});
  DocumentState doc(f.piece);
  tokenize(engine(), doc);
  const LineWork& lw = doc.lines[0];
  std::vector<std::string> starts;
  for (std::size_t ti = 0; ti < lw.tokens.size(); ++ti)
    if (lw.tokens[ti].word && sentence_start(lw, ti))
      starts.push_back(to_utf8(lw.text.substr(lw.tokens[ti].begin, lw.tokens[ti].end - lw.tokens[ti].begin)));
  EXPECT_EQ(starts, (std::vector<std::string>{"Vi", "Karin", "Anna"}));
}
