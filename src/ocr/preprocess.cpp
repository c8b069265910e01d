#include "ocr/preprocess.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <leptonica/allheaders.h>

namespace protokoll::ocr {

void PixDeleter::operator()(Pix* p) const { pixDestroy(&p); }

namespace {
// Tesseract reads text best at an x-height of some 20-30 pixels: 300 dpi for the 10-12 point
// type of minutes. Coarser scans (fax, 200 dpi photocopies) are enlarged to it.
constexpr int kReadingDpi = 300;
constexpr int kEnlargeBelowDpi = 250;
// The paper's brightness varies by more than this over the page (a shadow toward the binding,
// a stain), or its darkest part is below the floor (yellowed, grey recycled paper): Tesseract's
// one global threshold then cuts text in one part and noise in another, so it is flattened.
constexpr int kUnevenSpread = 30;
constexpr int kDimPaper = 170;
// Turned less than this, Tesseract's own line finding copes, and rotating the image costs more
// than it gains (bench/scans, photocopies at 1.8°: 0.060 WER as they are, 0.070 straightened);
// more than the limit is no skew but a page laid askew on purpose, or a table misread.
constexpr float kMinSkewDegrees = 3.0f;
constexpr float kMaxSkewDegrees = 8.0f;
// Leptonica's confidence in the angle (ratio of its best score to the average): below this
// the page has too few lines to tell.
constexpr float kMinSkewConfidence = 3.0f;
// The median of a page's letter-sized marks' larger side (connected components 3-300 px) at
// 300 dpi: 22-24 px on every clean page of samples/scans and samples/pages, 13-16 on the
// 200 dpi photocopies and yellowed pages, and in proportion at other scales.
constexpr double kMarkPixelsAt300 = 23;
constexpr int kMinMarks = 100;
}  // namespace

bool plausible_resolution(int dpi, int width, int height) {
  if (dpi < 100 || dpi > 1200) return false;
  const double inches = static_cast<double>(std::max(width, height)) / dpi;
  return inches >= 3 && inches <= 50;
}

int resolution_from_text(Pix* page) {
  PixPtr gray(pixConvertTo8(page, 0));
  if (!gray) return 0;
  // Thresholded after the background is flattened: a global threshold loses the letters of
  // yellowed paper in its shadow and counts the shadow instead.
  PixPtr ink(pixOtsuThreshOnBackgroundNorm(gray.get(), nullptr, 10, 15, 100, 50, 255, 2, 2, 0.1f, nullptr));
  if (!ink) return 0;
  Boxa* boxes = pixConnComp(ink.get(), nullptr, 8);
  if (!boxes) return 0;
  std::vector<int> sizes;
  for (int i = 0; i < boxaGetCount(boxes); ++i) {
    l_int32 x, y, w, h;
    if (boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h) != 0) continue;
    const int size = std::max(w, h);  // the same whichever way the page is turned
    if (size >= 3 && size <= 300) sizes.push_back(size);
  }
  boxaDestroy(&boxes);
  if (sizes.size() < kMinMarks) return 0;
  std::nth_element(sizes.begin(), sizes.begin() + static_cast<long>(sizes.size() / 2), sizes.end());
  const double dpi = 300.0 * sizes[sizes.size() / 2] / kMarkPixelsAt300;
  return static_cast<int>(std::clamp(std::lround(dpi), 50L, 1200L));
}

Background measure_background(Pix* gray) {
  Background b;
  const int w = pixGetWidth(gray), h = pixGetHeight(gray);
  constexpr int kTiles = 4;
  int brightest = 0;
  b.darkest = 255;
  for (int ty = 0; ty < kTiles; ++ty)
    for (int tx = 0; tx < kTiles; ++tx) {
      // The paper is the bright part of a tile: its 80th percentile, whatever text is on it.
      ::Box* box = boxCreate(tx * w / kTiles, ty * h / kTiles, w / kTiles, h / kTiles);
      Pix* tile = pixClipRectangle(gray, box, nullptr);
      boxDestroy(&box);
      if (!tile) continue;
      l_uint32 value = 255;
      pixGetRankValue(tile, 4, 0.8f, &value);
      pixDestroy(&tile);
      brightest = std::max<int>(brightest, static_cast<int>(value));
      b.darkest = std::min<int>(b.darkest, static_cast<int>(value));
    }
  b.spread = brightest - b.darkest;
  return b;
}

PixPtr rotate_quadrants(Pix* page, int quadrants) {
  return PixPtr(pixRotateOrth(page, ((quadrants % 4) + 4) % 4));
}

PixPtr prepare_page(Pix* page, Preparation& done) {
  const int dpi = pixGetXRes(page) > 0 ? pixGetXRes(page) : kReadingDpi;
  const bool binary_source = pixGetDepth(page) == 1 || (pixGetDepth(page) == 8 && pixGetColormap(page) && pixcmapGetCount(pixGetColormap(page)) <= 2);
  PixPtr gray(pixConvertTo8(page, 0));
  if (!gray) return PixPtr(pixClone(page));
  pixSetResolution(gray.get(), dpi, dpi);

  if (dpi < kEnlargeBelowDpi) {
    const float scale = static_cast<float>(kReadingDpi) / static_cast<float>(dpi);
    if (PixPtr big{pixScaleGrayLI(gray.get(), scale, scale)}) {
      gray = std::move(big);
      pixSetResolution(gray.get(), kReadingDpi, kReadingDpi);
      done.scale = scale;
      // A coarse black-and-white copy (photocopy, fax) has strokes one or two pixels wide,
      // often broken; enlarged they are thinner than Tesseract's model has seen. A 3x3
      // minimum thickens them back (bench/scans: photocopies 0.109 -> 0.080 WER).
      if (binary_source)
        if (PixPtr thick{pixErodeGray(gray.get(), 3, 3)}) gray = std::move(thick);
    }
  }

  const Background bg = measure_background(gray.get());
  if (bg.spread > kUnevenSpread || bg.darkest < kDimPaper) {
    // Divide by the page's own background (the paper becomes one grey), then stretch what is
    // left so the paper is white and the ink black again.
    if (PixPtr flat{pixBackgroundNormSimple(gray.get(), nullptr, nullptr)}) {
      if (PixPtr stretched{pixGammaTRC(nullptr, flat.get(), 1.0f, 60, 190)}) {
        gray = std::move(stretched);
        done.flattened = true;
      }
    }
  }

  if (PixPtr binary{pixConvertTo1(gray.get(), 128)}) {
    l_float32 angle = 0, confidence = 0;
    if (pixFindSkew(binary.get(), &angle, &confidence) == 0 && confidence >= kMinSkewConfidence &&
        std::fabs(angle) >= kMinSkewDegrees && std::fabs(angle) <= kMaxSkewDegrees) {
      constexpr float kRadians = 3.14159265f / 180.0f;
      if (PixPtr straight{pixRotate(gray.get(), angle * kRadians, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0)}) {
        gray = std::move(straight);
        done.skew = angle;
      }
    }
  }
  return gray;
}

void keep_preview(Pix* page_image, int width, Page& page) {
  // Quality 50 keeps type readable at a screen's size for a fifth of the bytes of quality 90;
  // a page of a report stays near 100 KB.
  constexpr int kQuality = 50;
  const int w = pixGetWidth(page_image);
  if (w <= 0 || width <= 0) return;
  const float factor = std::min(1.0f, static_cast<float>(width) / static_cast<float>(w));
  // Scaling to gray smooths a black-and-white page's edges instead of dropping thin strokes.
  PixPtr scaled(pixGetDepth(page_image) == 1 ? pixScaleToGray(page_image, factor) : pixScale(page_image, factor, factor));
  if (!scaled) return;
  PixPtr gray(pixConvertTo8(scaled.get(), 0));
  if (!gray) return;
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixWriteMemJpeg(&data, &size, gray.get(), kQuality, 0) != 0 || !data) return;
  page.preview_jpeg.assign(reinterpret_cast<const char*>(data), size);
  lept_free(data);
  page.preview_width = pixGetWidth(gray.get());
  page.preview_height = pixGetHeight(gray.get());
}

}  // namespace protokoll::ocr
