// Page images made ready for Tesseract with Leptonica: gray, at a resolution it reads well,
// the background flattened where the paper is uneven or dim, the page turned straight. Each
// step runs only where the page needs it (a clean office scan passes through nearly as it is)
// and what was done is recorded in the page (Page::preparation).
#pragma once

#include <memory>

#include "protokoll/document.hpp"

struct Pix;

namespace protokoll::ocr {

struct PixDeleter {
  void operator()(Pix* p) const;
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

/// The page as Tesseract should see it: 8-bit gray, scaled up to 300 dpi when the scan is
/// coarser, flattened when its background varies or is dark, deskewed when it is turned
/// by more than a fraction of a degree. `done` says what was done.
PixPtr prepare_page(Pix* page, Preparation& done);

/// Whether a resolution a file declares can be a scan's: 100-1200 dpi, and a page's longer side
/// 3-50 inches at it (A0 is 47). Cameras and screen tools write 72 or 96 whatever the image.
bool plausible_resolution(int dpi, int width, int height);

/// The resolution (dpi) at which the page's letters would be the size they are at 300 dpi in
/// the 10-12 point type of minutes: from the median size of its letter-sized marks. 0 when the
/// page has too few marks to tell.
int resolution_from_text(Pix* page);

/// The page turned by a multiple of 90 degrees clockwise.
PixPtr rotate_quadrants(Pix* page, int quadrants);

/// How uneven the page's background is: the spread of the paper's brightness over a grid of
/// tiles (0-255), and its darkest tile's brightness.
struct Background {
  int spread = 0, darkest = 255;
};
Background measure_background(Pix* gray);

/// The page as read, scaled down to `width` pixels (never up) and kept as JPEG in
/// page.preview_jpeg with its size; nothing is kept when encoding fails.
void keep_preview(Pix* page_image, int width, Page& page);

}  // namespace protokoll::ocr
