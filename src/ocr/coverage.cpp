#include "ocr/coverage.hpp"

#include <algorithm>

#include <leptonica/allheaders.h>

namespace protokoll::ocr {
namespace {

// A region is reported when it holds this many letter-sized marks (two or three short words)
// and is this many line heights wide: less is a stamp, a page number or a signature's flourish.
constexpr int kMinMarks = 12;
constexpr double kMinWidthLines = 4;

struct BoxaDeleter {
  void operator()(Boxa* b) const { boxaDestroy(&b); }
};

}  // namespace

std::vector<InkRegion> unread_regions(Pix* page, const std::vector<Box>& words, int line_height) {
  std::vector<InkRegion> out;
  if (!page) return out;
  if (line_height <= 0) {
    std::vector<int> h;
    for (const Box& b : words)
      if (!b.empty()) h.push_back(b.height);
    if (!h.empty()) {
      std::nth_element(h.begin(), h.begin() + static_cast<long>(h.size() / 2), h.end());
      line_height = h[h.size() / 2];
    } else {
      line_height = 35;
    }
  }
  line_height = std::max(line_height, 8);
  PixPtr ink(pixGetDepth(page) == 1 ? pixClone(page) : pixConvertTo1(page, 128));
  if (!ink) return out;
  // What the words cover, with a margin for the strokes OCR's boxes cut (accents, descenders).
  const int pad = std::max(2, line_height / 4);
  for (const Box& b : words)
    if (!b.empty())
      pixRasterop(ink.get(), b.left - pad, b.top - pad, b.width + 2 * pad, b.height + 2 * pad, PIX_CLR, nullptr, 0, 0);
  std::unique_ptr<Boxa, BoxaDeleter> marks(pixConnComp(ink.get(), nullptr, 8));
  if (!marks) return out;
  // Letter-sized marks only: noise specks are smaller, rules and shadows larger.
  PixPtr letters(pixCreateTemplate(ink.get()));
  std::vector<Box> kept;
  for (l_int32 i = 0; i < boxaGetCount(marks.get()); ++i) {
    l_int32 x, y, w, h;
    if (boxaGetBoxGeometry(marks.get(), i, &x, &y, &w, &h) != 0) continue;
    if (h < line_height * 3 / 10 || h > line_height * 3 / 2 || w > line_height * 2 || w * h < 12) continue;
    kept.push_back(Box{x, y, w, h});
    pixRasterop(letters.get(), x, y, w, h, PIX_SET, nullptr, 0, 0);
  }
  if (static_cast<int>(kept.size()) < kMinMarks) return out;
  // Marks a word space apart along a line, and lines a line apart, make one region.
  PixPtr joined(pixCloseSafeBrick(nullptr, letters.get(), line_height, line_height * 3 / 2));
  if (!joined) return out;
  std::unique_ptr<Boxa, BoxaDeleter> regions(pixConnComp(joined.get(), nullptr, 8));
  if (!regions) return out;
  for (l_int32 i = 0; i < boxaGetCount(regions.get()); ++i) {
    l_int32 x, y, w, h;
    if (boxaGetBoxGeometry(regions.get(), i, &x, &y, &w, &h) != 0) continue;
    if (w < kMinWidthLines * line_height) continue;
    int n = 0;
    for (const Box& m : kept) {
      const int cx = m.left + m.width / 2, cy = m.top + m.height / 2;
      n += cx >= x && cx < x + w && cy >= y && cy < y + h;
    }
    if (n >= kMinMarks) out.push_back(InkRegion{Box{x, y, w, h}, n});
  }
  std::sort(out.begin(), out.end(), [](const InkRegion& a, const InkRegion& b) { return a.box.top < b.box.top; });
  return out;
}

}  // namespace protokoll::ocr
