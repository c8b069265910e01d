// Ink that OCR did not read, on a real office scan read by real Tesseract: with all its words
// nothing is left; with a paragraph's words taken away, that paragraph is found.
#include "ocr/coverage.hpp"

#include <leptonica/allheaders.h>

#include <gtest/gtest.h>

#include "protokoll/ocr.hpp"
#include "test_util.hpp"

using namespace protokoll;
using namespace protokoll::ocr;
using namespace protokoll::testing;

namespace {
const char* kPage = "samples/scans/05-brf-linden.office.jpg";

struct Read {
  PixPtr gray;
  Page page;
};
Read read_page() {
  OcrEngine engine;
  Read r;
  r.page = engine.recognize_image(slurp(source_path(kPage))).at(0);
  PixPtr source(pixRead(source_path(kPage).c_str()));
  r.gray.reset(pixConvertTo8(source.get(), 0));
  return r;
}
}  // namespace

TEST(Coverage, APageReadWholeHasNoUnreadInkAndALeftOutParagraphIsFound) {
  const Read r = read_page();
  ASSERT_EQ(r.page.preparation.rotation, 0);
  ASSERT_EQ(r.page.preparation.scale, 1);
  ASSERT_EQ(r.page.preparation.skew, 0);  // boxes are in the source's coordinates
  EXPECT_EQ(r.page.preparation.reread_regions, 0);
  std::vector<protokoll::Box> all, some;
  protokoll::Box left_out{};
  int lines_out = 0, bottom = 0;
  std::size_t nonblank = 0;
  for (const Line& l : r.page.lines) {
    if (l.words.empty()) continue;
    ++nonblank;
    // The fourth to the seventh line with words, as if layout analysis had dropped them.
    const bool drop = nonblank >= 4 && nonblank <= 7;
    for (const Word& w : l.words) {
      all.push_back(w.box);
      if (!drop) some.push_back(w.box);
    }
    if (drop) {
      if (lines_out++ == 0) left_out = l.box;
      left_out.width = std::max(left_out.left + left_out.width, l.box.left + l.box.width) - left_out.left;
      bottom = l.box.top + l.box.height;
    }
  }
  left_out.height = bottom - left_out.top;
  ASSERT_EQ(lines_out, 4);
  EXPECT_TRUE(unread_regions(r.gray.get(), all).empty());
  const auto regions = unread_regions(r.gray.get(), some);
  ASSERT_FALSE(regions.empty());
  // Regions (a paragraph's gap may part them) over the left-out lines, and nowhere else.
  int top = INT32_MAX, end = 0, left = INT32_MAX, marks = 0;
  for (const auto& region : regions) {
    const protokoll::Box& b = region.box;
    top = std::min(top, b.top);
    end = std::max(end, b.top + b.height);
    left = std::min(left, b.left);
    marks += region.marks;
    EXPECT_GE(b.top, left_out.top - 40);
    EXPECT_LE(b.top + b.height, bottom + 40);
  }
  EXPECT_LE(top, left_out.top + 5);
  EXPECT_GE(end, bottom - 5);
  EXPECT_LE(left, left_out.left + 5);
  EXPECT_GT(marks, 30);
}

TEST(Coverage, ABlankPageAndSpecksAreNoText) {
  PixPtr blank(pixCreate(2480, 3508, 8));
  pixSetAll(blank.get());  // white
  EXPECT_TRUE(unread_regions(blank.get(), {}).empty());
  // Dust: a hundred 3-pixel specks.
  for (int i = 0; i < 100; ++i) pixRasterop(blank.get(), 100 + 23 * i, 200 + 31 * i, 3, 3, PIX_CLR, nullptr, 0, 0);
  EXPECT_TRUE(unread_regions(blank.get(), {}).empty());
}

TEST(Coverage, InkOcrCannotReadIsAWarningWithItsPage) {
  // Below the real page's text, a block of letter-sized blots that are no letters (as a
  // stamp's, a drawing's or a smudged paragraph's ink): read again, they still give no text.
  PixPtr source(pixRead(source_path(kPage).c_str()));
  PixPtr gray(pixConvertTo8(source.get(), 0));
  // Room for them below the text: the page made 500 pixels longer, white.
  PixPtr page(pixAddBorderGeneral(gray.get(), 0, 0, 0, 500, 255));
  unsigned seed = 7;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
  int bottom = 0;
  {
    OcrEngine engine;
    const auto read = engine.recognize_image(slurp(source_path(kPage)));  // kept: the loop reads into it
    for (const Line& l : read.at(0).lines)
      if (!l.box.empty()) bottom = std::max(bottom, l.box.top + l.box.height);
  }
  for (int row = 0; row < 3; ++row)
    for (int mark = 0; mark < 24; ++mark) {
      const int x = 200 + mark * 40 + (mark / 6) * 20, y = bottom + 100 + row * 60;
      for (int cell = 0; cell < 30; ++cell)
        pixRasterop(page.get(), x + static_cast<int>(next() % 7) * 3, y + static_cast<int>(next() % 10) * 3, 4, 4, PIX_CLR, nullptr, 0, 0);
    }
  l_uint8* data = nullptr;
  size_t size = 0;
  ASSERT_EQ(pixWriteMemPng(&data, &size, page.get(), 0.0f), 0);
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  lept_free(data);
  OcrEngine engine;
  std::vector<std::string> warnings;
  const auto pages = engine.recognize_image(bytes, &warnings);
  ASSERT_EQ(pages.size(), 1u);
  ASSERT_EQ(warnings.size(), 1u) << (warnings.empty() ? "" : warnings[0]);
  EXPECT_EQ(warnings[0].rfind("page 1: ", 0), 0u) << warnings[0];
  EXPECT_NE(warnings[0].find("the first at 200,"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("(unread-region)"), std::string::npos) << warnings[0];
}
