#include "ocr/glyphs.hpp"

#include <algorithm>
#include <cctype>

namespace protokoll::ocr {
namespace {

// An en dash is about half an em, a hyphen a third or less: in the faces Tesseract reads,
// a dash between numbers is 1.4-1.6 times as wide as the same page's hyphens inside words.
// Monospace faces draw both the same width, and nothing is changed there.
constexpr double kDashOverHyphen = 1.3;
// Without a hyphen inside a word on the page to compare with: the hyphen's ink is at most
// about half the x-height, an en dash's three quarters and more.
constexpr double kDashOverXHeight = 0.68;
// A section sign reaches above and below the digits: 33-34 pixels against their 30 at 300 dpi
// in the faces of the samples; a real eight is as tall as the digits beside it, give or take a
// pixel.
constexpr double kSectionOverDigit = 1.06;

bool is_letter(const std::string& g) {
  if (g.empty()) return false;
  const auto c = static_cast<unsigned char>(g[0]);
  return std::isalpha(c) || c >= 0xC3;  // å, ä, ö, é, ü … are two-byte letters
}
bool is_digit(const std::string& g) { return g.size() == 1 && std::isdigit(static_cast<unsigned char>(g[0])); }

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

bool between_letters(const GlyphWord& w, std::size_t k) {
  return k > 0 && k + 1 < w.glyphs.size() && is_letter(w.glyphs[k - 1].text) && is_letter(w.glyphs[k + 1].text);
}

// The glyphs spell the word OCR read (the iterator gives both; a ligature or a lost glyph
// would not), so a glyph's position is a position in the word.
bool glyphs_spell(const GlyphWord& w) {
  std::string s;
  for (const auto& g : w.glyphs) s += g.text;
  return s == w.text;
}

}  // namespace

std::vector<std::vector<std::string>> correct_by_shape(const std::vector<GlyphLine>& page) {
  std::vector<double> hyphens;
  for (const auto& line : page)
    for (const auto& w : line.words)
      if (glyphs_spell(w))
        for (std::size_t k = 0; k < w.glyphs.size(); ++k)
          if (w.glyphs[k].text == "-" && between_letters(w, k)) hyphens.push_back(w.glyphs[k].box.width);
  const double hyphen = median(hyphens);

  std::vector<std::vector<std::string>> out;
  out.reserve(page.size());
  for (const auto& line : page) {
    auto& texts = out.emplace_back();
    for (const auto& w : line.words) texts.push_back(w.text);
    for (std::size_t i = 0; i < line.words.size(); ++i) {
      const GlyphWord& w = line.words[i];
      if (!glyphs_spell(w)) continue;
      // Dashes that are not a compound's hyphen ("Maj-Britt"): ranges, "F-6", a lone dash.
      std::string fixed;
      bool changed = false;
      for (std::size_t k = 0; k < w.glyphs.size(); ++k) {
        const Glyph& g = w.glyphs[k];
        bool dash = false;
        if (g.text == "-" && !between_letters(w, k)) {
          if (hyphen > 0) dash = g.box.width >= kDashOverHyphen * hyphen;
          else if (line.x_height > 0) dash = g.box.width >= kDashOverXHeight * line.x_height;
        }
        fixed += dash ? "–" : g.text;
        changed = changed || dash;
      }
      if (changed) texts[i] = fixed;

      // A section sign before an item's number.
      const bool sign_shape = w.text == "8" || w.text == "88";
      const bool sign_glyph = w.text == "&" || w.text == "$";
      if (!(sign_shape || sign_glyph) || i + 1 >= line.words.size() || line.words[i + 1].text.empty() ||
          !std::isdigit(static_cast<unsigned char>(line.words[i + 1].text[0])))
        continue;
      if (sign_shape) {
        std::vector<double> digits;
        for (std::size_t j = 0; j < line.words.size(); ++j)
          if (j != i)
            for (const auto& g : line.words[j].glyphs)
              if (is_digit(g.text)) digits.push_back(g.box.height);
        if (digits.empty()) continue;  // the number after it has one at least
        const double digit = median(digits);
        const bool taller = std::all_of(w.glyphs.begin(), w.glyphs.end(),
                                        [&](const Glyph& g) { return g.box.height >= kSectionOverDigit * digit; });
        if (!taller) continue;
      }
      texts[i] = w.text.size() == 2 ? "§§" : "§";
    }
  }
  return out;
}

}  // namespace protokoll::ocr
