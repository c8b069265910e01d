#include "text/normalize.hpp"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include "text/text_util.hpp"

using namespace protokoll;

TEST(Normalize, ComposesDecomposedDiacritics) {
  EXPECT_EQ(normalize_unicode("Fo\xcc\x88rslag"), "Förslag");      // o + U+0308
  EXPECT_EQ(normalize_unicode("A\xcc\x8a" "sa"), "Åsa");            // A + U+030A
}

TEST(Normalize, FoldsLigaturesAndInvisibleCharacters) {
  EXPECT_EQ(normalize_unicode("e\xef\xac\x81kt \xef\xac\x82yt"), "efikt flyt");   // ﬁ ﬂ
  EXPECT_EQ(normalize_unicode("verk\xc2\xadsamhet"), "verksamhet");              // soft hyphen
  EXPECT_EQ(normalize_unicode("kl.\xc2\xa0" "13"), "kl. 13");                     // NBSP
  EXPECT_EQ(normalize_unicode("a\xe2\x80\x8b" "b"), "ab");                        // zero-width space
}

TEST(Normalize, KeepsLineStructureAndPunctuation) {
  std::string in = "§ 12 Beslut\n\n• Punkt – “citat”\f\nsida 2\n";
  std::string out = normalize_unicode(in);
  EXPECT_EQ(out, in);
  EXPECT_EQ(split_lines(out).size(), split_lines(in).size());
}

TEST(Normalize, PlainLatinTextIsCopiedAndAnythingElseStillNormalized) {
  // The fast path (printable ASCII and Latin-1 letters) must not swallow what needs work after it.
  const std::string plain = "Frånvarande: Åsa Öberg, Sören Ærø\tkl. 13.00\r\n§ 4 Beslut\f\n";
  EXPECT_EQ(normalize_unicode(plain), plain);
  EXPECT_EQ(normalize_unicode(plain + "Fo\xcc\x88rslag"), plain + "Förslag");  // a combining mark late
  EXPECT_EQ(normalize_unicode(plain + "a\x01" "b\x7f"), plain + "ab");          // controls
  EXPECT_EQ(normalize_unicode("\xc2\x85x\xc2\xa0y\xc2\xad" "z"), "x yz");       // C1 control, NBSP, soft hyphen
}

TEST(TextUtil, LowerCaseAgreesWithIcuOnLatin1AndBeyond) {
  // to_lower lowers ASCII and Latin-1 itself and hands the rest to ICU: both must agree with ICU.
  for (char32_t c = 0x20; c < 0x250; ++c) {
    if (c >= 0x7f && c < 0xa0) continue;
    const std::string s = to_utf8(std::u32string(1, c));
    const std::string expected = to_utf8(std::u32string(1, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)))));
    EXPECT_EQ(to_lower("A" + s + "b"), "a" + expected + "b") << "U+" << std::hex << static_cast<unsigned>(c);
  }
  EXPECT_EQ(to_lower("FRÅNVARANDE: ÅSA ÖBERG × ß"), "frånvarande: åsa öberg × ß");
}

TEST(TextUtil, CasePatternsRoundTrip) {
  EXPECT_EQ(case_pattern("FÖRSLAG"), CasePattern::upper);
  EXPECT_EQ(case_pattern("Förslag"), CasePattern::capitalized);
  EXPECT_EQ(case_pattern("förslag"), CasePattern::lower);
  EXPECT_EQ(case_pattern("McDonald"), CasePattern::mixed);
  EXPECT_EQ(apply_case("förslag", CasePattern::upper), "FÖRSLAG");
  EXPECT_EQ(apply_case("FÖRSLAG", CasePattern::capitalized), "Förslag");
  EXPECT_EQ(to_lower("ÅÄÖ"), "åäö");
}

// The check that a line needs no work skips printable ASCII eight bytes at a time: what needs
// work must be found at every offset, at a block's edges and in a short tail alike.
TEST(Normalize, FindsWhatNeedsWorkAtEveryOffset) {
  const std::string text = "Protokoll fort vid sammantrade med barn- och utbildningsnamnden";
  for (std::size_t at = 0; at <= 40; ++at) {
    SCOPED_TRACE(at);
    const std::string before = text.substr(0, at), after = text.substr(at, 23);
    EXPECT_EQ(normalize_unicode(before + "\x01" + after), before + after);            // control character
    EXPECT_EQ(normalize_unicode(before + "\x7f" + after), before + after);            // DEL
    EXPECT_EQ(normalize_unicode(before + "\xc2\xa0" + after), before + " " + after);  // NBSP
    EXPECT_EQ(normalize_unicode(before + "o\xcc\x88" + after), before + "ö" + after);  // o + U+0308
    EXPECT_EQ(normalize_unicode(before + "\n" + after), before + "\n" + after);        // kept
  }
}
