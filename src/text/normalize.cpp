#include "protokoll/resources.hpp"
#include "text/normalize.hpp"

#include <stdexcept>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "text/text_util.hpp"
#include "text/ascii_scan.hpp"

namespace protokoll {
namespace {

const icu::Normalizer2& nfc_instance() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || !n) throw SetupError("ICU NFC normalizer unavailable");
  return *n;
}

const char32_t* ligature(char32_t c) {
  switch (c) {
    case U'\uFB00': return U"ff";
    case U'\uFB01': return U"fi";
    case U'\uFB02': return U"fl";
    case U'\uFB03': return U"ffi";
    case U'\uFB04': return U"ffl";
    case U'\uFB05': return U"st";
    case U'\uFB06': return U"st";
    case U'\u0132': return U"IJ";
    case U'\u0133': return U"ij";
    default: return nullptr;
  }
}

// Whether a line is already what normalize_unicode() returns, decided in one pass over its
// bytes: printable ASCII and tab, the Latin-1 letters and signs (U+00A1..U+00FF but the soft
// hyphen), and common typographic punctuation (dashes, quotes, bullet, ellipsis, euro). All are
// NFC, and no combining mark may follow since a mark is not on the list. Almost every OCR'd
// line is like this and is then only copied. With `breaks`, line breaks (\n \f \r) are
// allowed too, to check a whole text at once.
bool plainly_normalized(std::string_view line, bool breaks = false) {
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  const auto* end = p + line.size();
  while (p < end) {
    p = detail::skip_printable_ascii(p, end);
    if (p == end) break;
    const unsigned char c = *p;
    if (c < 0x80) {
      const bool allowed = c == '\t' || (breaks && (c == '\n' || c == '\f' || c == '\r'));
      if ((c < 0x20 && !allowed) || c == 0x7f) return false;
      ++p;
      continue;
    }
    if (c == 0xC2 || c == 0xC3) {  // U+00A1..U+00BF are C2 A1..BF, U+00C0..U+00FF are C3 80..BF
      if (end - p < 2) return false;
      const unsigned char d = p[1];
      if (!((c == 0xC2 && d >= 0xA1 && d <= 0xBF && d != 0xAD) || (c == 0xC3 && d >= 0x80 && d <= 0xBF)))
        return false;
      p += 2;
      continue;
    }
    if (c == 0xE2 && end - p >= 3) {  // – — ‘ ’ ‚ “ ” „ • … (U+2013..U+2026) and € (U+20AC)
      const unsigned char d = p[1], e = p[2];
      const bool punctuation = d == 0x80 && (e == 0x93 || e == 0x94 || e == 0x98 || e == 0x99 || e == 0x9A ||
                                             e == 0x9C || e == 0x9D || e == 0x9E || e == 0xA2 || e == 0xA6);
      if (punctuation || (d == 0x82 && e == 0xAC)) {
        p += 3;
        continue;
      }
    }
    return false;
  }
  return true;
}

// Apply `line_op` to each line of `text` that is not plainly normalized, copy the others. Line
// breaks are kept; neither NFC nor our folding ever reaches across one.
template <class LineOp>
std::string by_line(std::string_view text, LineOp line_op) {
  if (plainly_normalized(text, true)) return std::string(text);  // the usual case: one pass, one copy
  std::string out;
  out.reserve(text.size());
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of("\n\f\r", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (plainly_normalized(line)) out += line;
    else out += line_op(line);
    if (end == text.size()) break;
    out += text[end];
    start = end + 1;
  }
  return out;
}

std::string nfc_line(std::string_view text) {
  const auto& n = nfc_instance();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (n.isNormalized(s, status) && U_SUCCESS(status)) return std::string(text);
  status = U_ZERO_ERROR;
  icu::UnicodeString out = n.normalize(s, status);
  if (U_FAILURE(status)) return std::string(text);
  std::string result;
  out.toUTF8String(result);
  return result;
}
std::string normalize_line(std::string_view text) {
  std::u32string in = to_u32(nfc_line(text));
  std::u32string out;
  out.reserve(in.size());
  bool removed = false;  // a character taken out may leave a mark to compose ("a", ZWJ, U+0308)
  for (char32_t c : in) {
    if (const char32_t* lig = ligature(c)) {
      out += lig;
    } else if (c == U'\u00A0' || (c >= U'\u2000' && c <= U'\u200A') || c == U'\u202F' || c == U'\u205F' ||
               c == U'\u3000') {
      out += U' ';
    } else if (c == U'\u00AD' || (c >= U'\u200B' && c <= U'\u200D') || c == U'\u2060' || c == U'\uFEFF') {
      // soft hyphen and zero-width characters: invisible on the page, they only split words
      removed = true;
    } else if ((c < 0x20 && c != U'\t' && c != U'\n' && c != U'\f' && c != U'\r') || c == 0x7f ||
               (c >= 0x80 && c < 0xa0)) {
      // other control characters carry nothing
      removed = true;
    } else {
      out += c;
    }
  }
  return removed ? nfc_line(to_utf8(out)) : to_utf8(out);
}
}  // namespace

std::string nfc(std::string_view text) { return by_line(text, nfc_line); }

std::string normalize_unicode(std::string_view text) { return by_line(text, normalize_line); }

}  // namespace protokoll
