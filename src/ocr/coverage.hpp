// Ink that OCR did not read. Tesseract's page layout analysis can drop a whole block (a list of
// participants on a skewed, noisy page) without a word: the page then reads well, only less of
// it. The marks on the page are compared with the words read; letter-sized marks outside every
// word, gathered into regions, are what OCR left out. The OCR stage reads those regions again
// on their own and warns about what still yields nothing.
#pragma once

#include <vector>

#include "ocr/preprocess.hpp"
#include "protokoll/document.hpp"

namespace protokoll::ocr {

/// A region of the page with letter-sized marks of ink and no word read over them.
struct InkRegion {
  Box box;
  int marks = 0;  ///< letter-sized connected components in it
};

/// The regions of `page` (8-bit gray or 1-bit, as OCR read it) that hold at least a few words'
/// worth of letter-sized marks none of `words` covers. `line_height` is the height of a line of
/// text in pixels (0: from the words, else 35, 10 point at 300 dpi).
std::vector<InkRegion> unread_regions(Pix* page, const std::vector<Box>& words, int line_height = 0);

}  // namespace protokoll::ocr
