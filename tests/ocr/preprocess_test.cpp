// Page preparation with Leptonica on the real sample scans (samples/scans, tools/make-scans):
// each step runs where the page needs it and nowhere else, and says what it did.
#include "ocr/preprocess.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include <leptonica/allheaders.h>

#include "test_util.hpp"

using namespace protokoll;
using namespace protokoll::testing;

namespace {
ocr::PixPtr read_scan(const std::string& name) {
  const std::string bytes = slurp(source_path("samples/scans/" + name));
  return ocr::PixPtr(pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size()));
}
}  // namespace

TEST(Preprocess, AnOfficeScanPassesThroughAsItIs) {
  auto pix = read_scan("05-brf-linden.office.jpg");
  ASSERT_TRUE(pix);
  Preparation done;
  auto ready = ocr::prepare_page(pix.get(), done);
  EXPECT_EQ(pixGetDepth(ready.get()), 8);
  EXPECT_FALSE(done.flattened);
  EXPECT_EQ(done.scale, 1.0);
  EXPECT_EQ(done.skew, 0.0);
  EXPECT_EQ(pixGetWidth(ready.get()), pixGetWidth(pix.get()));
  const auto bg = ocr::measure_background(pix.get());
  EXPECT_LT(bg.spread, 20);
  EXPECT_GT(bg.darkest, 200);
}

TEST(Preprocess, YellowedPaperWithAShadowIsFlattened) {
  auto pix = read_scan("07-skolrad-ekbacken.yellowed.jpg");
  ASSERT_TRUE(pix);
  ocr::PixPtr gray(pixConvertTo8(pix.get(), 0));
  const auto before = ocr::measure_background(gray.get());
  EXPECT_GT(before.spread, 40);  // the shadow toward the binding
  Preparation done;
  auto ready = ocr::prepare_page(pix.get(), done);
  EXPECT_TRUE(done.flattened);
  EXPECT_NEAR(done.scale, 1.5, 0.05);  // 200 dpi (198 as the JPEG stores it)
  const auto after = ocr::measure_background(ready.get());
  EXPECT_LT(after.spread, 15);
  EXPECT_GT(after.darkest, 230);
}

TEST(Preprocess, ACoarseBlackAndWhiteCopyIsEnlargedToReadingSize) {
  auto pix = read_scan("10-apt-hemtjanst.photocopy.png");
  ASSERT_TRUE(pix);
  ASSERT_EQ(pixGetXRes(pix.get()), 200);
  Preparation done;
  auto ready = ocr::prepare_page(pix.get(), done);
  EXPECT_DOUBLE_EQ(done.scale, 1.5);
  EXPECT_EQ(pixGetXRes(ready.get()), 300);
  EXPECT_NEAR(pixGetWidth(ready.get()), pixGetWidth(pix.get()) * 1.5, 2);
}

TEST(Preprocess, APageLaidAskewIsStraightened) {
  auto pix = read_scan("05-brf-linden.office.jpg");
  ASSERT_TRUE(pix);
  constexpr float kDegrees = 5.0f;
  ocr::PixPtr askew(pixRotate(pix.get(), kDegrees * 3.14159265f / 180, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
  Preparation done;
  ocr::prepare_page(askew.get(), done);
  EXPECT_NEAR(std::fabs(done.skew), kDegrees, 0.3);
  // A small skew Tesseract reads as it is (bench/scans): left alone.
  ocr::PixPtr slight(pixRotate(pix.get(), 1.0f * 3.14159265f / 180, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
  Preparation none;
  ocr::prepare_page(slight.get(), none);
  EXPECT_EQ(none.skew, 0.0);
}

TEST(Preprocess, QuarterTurns) {
  auto pix = read_scan("05-brf-linden.office.jpg");
  ASSERT_TRUE(pix);
  auto turned = ocr::rotate_quadrants(pix.get(), 1);
  EXPECT_EQ(pixGetWidth(turned.get()), pixGetHeight(pix.get()));
  auto back = ocr::rotate_quadrants(turned.get(), -1);
  EXPECT_EQ(pixGetWidth(back.get()), pixGetWidth(pix.get()));
}

TEST(Preprocess, AResolutionAFileCannotHaveIsNotBelieved) {
  EXPECT_TRUE(ocr::plausible_resolution(300, 2480, 3508));   // A4 at 300 dpi
  EXPECT_TRUE(ocr::plausible_resolution(200, 1654, 2339));
  EXPECT_FALSE(ocr::plausible_resolution(0, 2480, 3508));    // none given
  EXPECT_FALSE(ocr::plausible_resolution(72, 2480, 3508));   // a camera's: a page 49 inches tall
  EXPECT_FALSE(ocr::plausible_resolution(300, 600, 800));    // 2.7 inches: a crop, not a page
  EXPECT_FALSE(ocr::plausible_resolution(2400, 2480, 3508));
}

TEST(Preprocess, TheResolutionIsReadOffTheLettersSize) {
  // Every kind of copy in samples/scans, against the resolution its file says: within 15%.
  for (const char* name : {"05-brf-linden.office.jpg", "05-brf-linden.turned90.jpg", "10-apt-hemtjanst.photocopy.png",
                           "07-skolrad-ekbacken.yellowed.jpg", "H-12-karfullmaktige-lus.fax.png"}) {
    auto pix = read_scan(name);
    ASSERT_TRUE(pix) << name;
    const int declared = pixGetXRes(pix.get());
    EXPECT_NEAR(ocr::resolution_from_text(pix.get()), declared, 0.15 * declared) << name;
    // The same page at half the size reads as half the resolution (gray pages: halving a
    // black-and-white copy drops every other row of its thin strokes).
    if (pixGetDepth(pix.get()) == 1) continue;
    ocr::PixPtr half(pixScale(pix.get(), 0.5f, 0.5f));
    EXPECT_NEAR(ocr::resolution_from_text(half.get()), declared / 2, 0.15 * declared / 2) << name;
  }
  // A blank sheet has no letters to tell by.
  ocr::PixPtr blank(pixCreate(1000, 1400, 8));
  pixSetAll(blank.get());
  EXPECT_EQ(ocr::resolution_from_text(blank.get()), 0);
}
