// What the shapes of the glyphs say that the OCR model's text does not. Tesseract's Swedish
// model reads an en dash as a hyphen ("18.00-19.30" for "18.00–19.30") and a section sign as
// an eight, an ampersand or a dollar ("8 14 Val av justerare" for "§ 14 …"): it was trained on
// text where those characters are rare. Their ink tells them apart: an en dash is wider than
// the same page's hyphens, a section sign is taller than the digits beside it. The text alone
// cannot say (real minutes write "13.00-16.00" with a hyphen as often as with a dash).
#pragma once

#include <string>
#include <vector>

#include "protokoll/document.hpp"

namespace protokoll::ocr {

/// One character as OCR read it, with its box on the page image.
struct Glyph {
  std::string text;  ///< UTF-8, one character
  Box box;
};

/// A word's glyphs; `text` is the word as OCR read it.
struct GlyphWord {
  std::string text;
  std::vector<Glyph> glyphs;
};

/// A line's words with the line's x-height in pixels (0: unknown).
struct GlyphLine {
  std::vector<GlyphWord> words;
  double x_height = 0;
};

/// The words of a page with the characters their shapes say: hyphens wide as en dashes become
/// "–"; an "8", "88", "&" or "$" standing before a number and taller than the digits of its line
/// becomes "§" or "§§". Returns, per line and word, the corrected text (the input text where
/// nothing changes).
std::vector<std::vector<std::string>> correct_by_shape(const std::vector<GlyphLine>& page);

}  // namespace protokoll::ocr
