// What glyph shapes say: the rules on boxes as Tesseract gives them, and real Tesseract on a
// real office scan whose section signs and en dashes the Swedish model misreads.
#include "ocr/glyphs.hpp"

#include <gtest/gtest.h>

#include "protokoll/ocr.hpp"
#include "test_util.hpp"

using namespace protokoll;
using namespace protokoll::ocr;
using namespace protokoll::testing;

namespace {
// A word of glyphs each `width` x `height` except where `sizes` says otherwise, side by side.
GlyphWord word(const std::string& text, std::vector<std::pair<int, int>> sizes) {
  GlyphWord w;
  w.text = text;
  int x = 0;
  std::size_t k = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = (static_cast<unsigned char>(text[i]) >= 0xC0) ? 2 : 1;
    auto [wd, ht] = k < sizes.size() ? sizes[k] : std::pair<int, int>{20, 30};
    w.glyphs.push_back(Glyph{text.substr(i, n), Box{x, 0, wd, ht}});
    x += wd + 2;
    i += n;
    ++k;
  }
  return w;
}
GlyphWord plain(const std::string& text) { return word(text, {}); }
}  // namespace

TEST(Glyphs, ADashWiderThanThePagesHyphensIsAnEnDash) {
  GlyphLine names{{word("Maj-Britt", {{32, 30}, {17, 22}, {10, 38}, {12, 4}})}, 23};
  GlyphLine time{{plain("Tid:"), word("18.00-20.00", {{17, 30}, {20, 31}, {6, 6}, {21, 30}, {21, 29}, {17, 4}})}, 23};
  GlyphLine narrow{{word("1-3", {{17, 30}, {12, 4}})}, 23};
  const auto out = correct_by_shape({names, time, narrow});
  EXPECT_EQ(out[0][0], "Maj-Britt");  // a compound's hyphen is never changed
  EXPECT_EQ(out[1][0], "Tid:");
  EXPECT_EQ(out[1][1], "18.00–20.00");
  EXPECT_EQ(out[2][0], "1-3");  // as narrow as the hyphens: a hyphen
}

TEST(Glyphs, WithoutAHyphenToCompareTheXHeightDecides) {
  GlyphLine wide{{word("9-12", {{17, 30}, {17, 4}})}, 23};
  GlyphLine narrow{{word("9-12", {{17, 30}, {11, 4}})}, 23};
  GlyphLine unknown{{word("9-12", {{17, 30}, {17, 4}})}, 0};
  const auto out = correct_by_shape({wide, narrow, unknown});
  EXPECT_EQ(out[0][0], "9–12");
  EXPECT_EQ(out[1][0], "9-12");
  EXPECT_EQ(out[2][0], "9-12");  // nothing to measure against: left as read
}

TEST(Glyphs, AnEightTallerThanTheDigitsBeforeANumberIsASectionSign) {
  GlyphLine sign{{word("8", {{18, 34}}), plain("14"), plain("Val"), plain("av"), plain("justerare")}, 23};
  GlyphLine eight{{word("8", {{20, 30}}), plain("14")}, 23};  // as tall as the digits: an eight
  GlyphLine signs{{plain("Paragrafer:"), word("88", {{18, 34}, {18, 33}}), plain("14-17")}, 23};
  GlyphLine alone{{word("8", {{18, 34}}), plain("ledamöter")}, 23};  // no number after it
  GlyphLine amp{{word("&", {{18, 47}}), plain("16"), plain("Övrigt")}, 23};
  GlyphLine and_{{plain("Ek"), word("&", {{18, 30}}), plain("Berg")}, 23};
  const auto out = correct_by_shape({sign, eight, signs, alone, amp, and_});
  EXPECT_EQ(out[0][0], "§");
  EXPECT_EQ(out[0][1], "14");
  EXPECT_EQ(out[1][0], "8");
  EXPECT_EQ(out[2][1], "§§");
  EXPECT_EQ(out[3][0], "8");
  EXPECT_EQ(out[4][0], "§");
  EXPECT_EQ(out[5][1], "&");
}

TEST(Glyphs, GlyphsThatDoNotSpellTheWordAreLeftAlone) {
  GlyphWord odd = word("18.00-20.00", {{17, 30}, {20, 31}, {6, 6}, {21, 30}, {21, 29}, {17, 4}});
  odd.glyphs.pop_back();  // a glyph lost: positions no longer match the text
  const auto out = correct_by_shape({GlyphLine{{odd}, 23}});
  EXPECT_EQ(out[0][0], "18.00-20.00");
}

TEST(Glyphs, RealScanGetsItsSectionSignsAndDashes) {
  OcrEngine engine;
  auto pages = engine.recognize_image(slurp(source_path("samples/scans/H-09-forsamlingsrad-tierp.office.jpg")));
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].ocr_model, "swe");
  std::string text;
  for (const auto& l : pages[0].lines) text += l.text + "\n";
  EXPECT_NE(text.find("§ 14 Val av justerare"), std::string::npos) << text;
  EXPECT_NE(text.find("§§ 14–17"), std::string::npos) << text;
  EXPECT_NE(text.find("18.00–20.00"), std::string::npos) << text;
  EXPECT_NE(text.find("Maj-Britt"), std::string::npos) << text;
  EXPECT_EQ(text.find("\n8 1"), std::string::npos) << text;
}
