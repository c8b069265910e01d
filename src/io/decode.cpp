// What an input is (by its first bytes), and text decoded from any common legacy encoding,
// normalized once and split into the document model's pages and lines.
#include "protokoll/input.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "text/ascii_scan.hpp"
#include "text/normalize.hpp"

namespace protokoll {

namespace {

bool starts_with(std::string_view bytes, std::string_view magic) {
  return bytes.size() >= magic.size() && bytes.substr(0, magic.size()) == magic;
}

// UTF-16 without a byte order mark (a Windows export): mostly Latin text has a zero in every
// other byte, on the odd side in little-endian and the even side in big-endian.
const char* utf16_without_bom(std::string_view b) {
  const std::size_t n = std::min<std::size_t>(b.size(), 4096) & ~std::size_t{1};
  if (n < 8) return nullptr;
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even += b[i] == '\0';
    odd += b[i + 1] == '\0';
  }
  const std::size_t pairs = n / 2;
  if (odd * 10 >= pairs * 7 && even * 50 < pairs) return "UTF-16LE";
  if (even * 10 >= pairs * 7 && odd * 50 < pairs) return "UTF-16BE";
  return nullptr;
}

std::string convert_to_utf8(std::string_view bytes, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &status);
  if (U_FAILURE(status)) throw InputError(std::string("unsupported text encoding ") + charset);
  std::string out(bytes.size() * 3 + 16, '\0');
  UConverter* utf8 = ucnv_open("UTF-8", &status);
  char* target = out.data();
  const char* source = bytes.data();
  ucnv_convertEx(utf8, conv, &target, out.data() + out.size(), &source, bytes.data() + bytes.size(),
                 nullptr, nullptr, nullptr, nullptr, true, true, &status);
  ucnv_close(utf8);
  ucnv_close(conv);
  if (U_FAILURE(status)) throw InputError(std::string("cannot decode text as ") + charset);
  out.resize(static_cast<std::size_t>(target - out.data()));
  return out;
}

bool valid_utf8(std::string_view s) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    i = static_cast<std::size_t>(detail::skip_ascii(bytes + i, bytes + s.size()) - bytes);
    if (i == s.size()) break;
    auto c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (extra < 0 || (c == 0xc0 || c == 0xc1) || c > 0xf4 || i + extra >= s.size() + (extra ? 0 : 1)) return false;
    for (int k = 1; k <= extra; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    // Overlong forms, UTF-16 surrogates (ED A0..BF) and code points above U+10FFFF are not
    // UTF-8 either (JSON writers and ICU refuse them).
    // (skip_ascii may stop at an ASCII byte of the last short block: it has no second byte.)
    const auto second = extra ? static_cast<unsigned char>(s[i + 1]) : 0;
    if ((c == 0xe0 && second < 0xa0) || (c == 0xed && second > 0x9f) || (c == 0xf0 && second < 0x90) ||
        (c == 0xf4 && second > 0x8f))
      return false;
    i += extra + 1;
  }
  return true;
}

// A file joined from UTF-8 and legacy parts (an old file appended to): each line that is UTF-8
// is kept, each that is not is Windows-1252. Only where UTF-8 letters beyond ASCII are there to
// be kept: otherwise the whole file is one legacy charset.
std::optional<DecodedText> decode_mixed(std::string_view bytes) {
  if (bytes.find('\0') != std::string_view::npos) return std::nullopt;
  std::size_t utf8_lines = 0, legacy_lines = 0;
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (std::size_t pos = 0; pos < bytes.size();) {
    std::size_t end = bytes.find('\n', pos);
    end = end == std::string_view::npos ? bytes.size() : end + 1;
    const std::string_view line = bytes.substr(pos, end - pos);
    const bool ascii = std::all_of(line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) {
      out += line;
    } else if (valid_utf8(line)) {
      ++utf8_lines;
      out += line;
    } else {
      ++legacy_lines;
      out += convert_to_utf8(line, "windows-1252");
    }
    pos = end;
  }
  if (utf8_lines == 0 || utf8_lines < legacy_lines) return std::nullopt;
  DecodedText d;
  d.encoding = "UTF-8";
  d.utf8 = std::move(out);
  d.warnings.push_back("mixed encodings: " + std::to_string(legacy_lines) + " line(s) decoded as windows-1252, the rest as UTF-8");
  return d;
}

}  // namespace

SourceKind detect_kind(std::string_view b) {
  if (starts_with(b, "%PDF-")) return SourceKind::pdf;
  if (starts_with(b, "II*\0") || starts_with(b, std::string_view("MM\0*", 4))) return SourceKind::tiff;
  if (starts_with(b, "\x89PNG\r\n\x1a\n") || starts_with(b, "\xff\xd8\xff") ||
      starts_with(b, "GIF87a") || starts_with(b, "GIF89a") || starts_with(b, "BM") ||
      (b.size() > 12 && starts_with(b, "RIFF") && b.substr(8, 4) == "WEBP") ||
      (b.size() > 2 && b[0] == 'P' && b[1] >= '1' && b[1] <= '6' &&
       (b[2] == '\n' || b[2] == ' ' || b[2] == '\r' || b[2] == '\t')) ||
      starts_with(b, std::string_view("\0\0\0\x0cjP  ", 8)))
    return SourceKind::image;
  // Text: UTF-16 (with a BOM or plainly without), or bytes almost free of control characters
  // in the first 64 KiB.
  if (starts_with(b, "\xff\xfe") || starts_with(b, "\xfe\xff") || utf16_without_bom(b)) return SourceKind::text;
  std::string_view head = b.substr(0, std::min<std::size_t>(b.size(), 65536));
  // A few NUL bytes in text (a bad copy, a padded record) are dropped when it is decoded;
  // many are a binary file. So are control characters other than tab, line ends, form feed,
  // vertical tab (Word's manual line break) and escape: random bytes under an image's name
  // hold one in nine, text next to none.
  if (static_cast<std::size_t>(std::count(head.begin(), head.end(), '\0')) * 200 > head.size()) return SourceKind::unknown;
  const auto controls = static_cast<std::size_t>(std::count_if(head.begin(), head.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b && c != 0) || c == 0x7f;
  }));
  if (controls * 100 > head.size()) return SourceKind::unknown;
  return SourceKind::text;
}

bool encoding_supported(const std::string& encoding) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(encoding.c_str(), &status);
  if (conv) ucnv_close(conv);
  return U_SUCCESS(status);
}

std::optional<std::string> not_minutes(std::string_view bytes) {
  if (starts_with(bytes, "\xef\xbb\xbf")) bytes.remove_prefix(3);
  const auto first = bytes.find_first_not_of(" \t\r\n");
  const auto last = bytes.find_last_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::nullopt;
  const char a = bytes[first], z = bytes[last];
  // JSON (a record file, a config): an object or array from the first byte to the last, or
  // JSON Lines; minutes never begin with a brace.
  if ((a == '{' && (z == '}' || z == ']')) || (a == '[' && z == ']' && bytes.substr(first, 2) != "[ "))
    return std::string("JSON");
  const std::string head = [&] {
    std::string h(bytes.substr(first, 64));
    for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return h;
  }();
  if (head.rfind("<?xml", 0) == 0) return std::string("XML");
  if (head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0) return std::string("HTML");
  if (head.rfind("#!/", 0) == 0) return std::string("a script");
  return std::nullopt;
}

DecodedText decode_text(std::string_view raw, const std::string& encoding) {
  DecodedText result;
  if (!encoding.empty()) {  // the user knows: no guessing, no per-line mixing
    std::string_view bytes = raw;
    if (starts_with(bytes, "\xef\xbb\xbf")) bytes.remove_prefix(3);
    result.encoding = encoding;
    result.utf8 = convert_to_utf8(bytes, encoding.c_str());
    if (!result.utf8.empty() && result.utf8.compare(0, 3, "\xef\xbb\xbf") == 0) result.utf8.erase(0, 3);
    return result;
  }
  const bool bom16 = starts_with(raw, "\xff\xfe") || starts_with(raw, "\xfe\xff");
  if (const char* utf16 = bom16 ? nullptr : utf16_without_bom(raw)) {
    result.encoding = utf16;
    result.utf8 = convert_to_utf8(raw, utf16);
    result.warnings.push_back(std::string(utf16) + " without a byte order mark");
    return result;
  }
  std::string without_nuls;
  std::string_view bytes = raw;
  if (!bom16) {
    const auto nuls = static_cast<std::size_t>(std::count(raw.begin(), raw.end(), '\0'));
    if (nuls > 0 && nuls * 200 <= raw.size()) {
      without_nuls.reserve(raw.size());
      for (char c : raw)
        if (c != '\0') without_nuls += c;
      bytes = without_nuls;
      result.warnings.push_back(std::to_string(nuls) + " NUL byte(s) dropped");
    }
  }
  if (starts_with(bytes, "\xef\xbb\xbf")) {
    bytes.remove_prefix(3);
    if (!valid_utf8(bytes)) throw InputError("invalid UTF-8 after a UTF-8 byte order mark");
    result.encoding = "UTF-8";
    result.utf8 = std::string(bytes);
  } else if (starts_with(bytes, "\xff\xfe") || starts_with(bytes, "\xfe\xff")) {
    bool le = bytes[0] == '\xff';
    bytes.remove_prefix(2);
    result.encoding = le ? "UTF-16LE" : "UTF-16BE";
    result.utf8 = convert_to_utf8(bytes, result.encoding.c_str());
  } else if (valid_utf8(bytes)) {
    result.encoding = "UTF-8";
    result.utf8 = std::string(bytes);
  } else if (auto mixed = decode_mixed(bytes)) {
    result.encoding = std::move(mixed->encoding);
    result.utf8 = std::move(mixed->utf8);
    result.warnings.insert(result.warnings.end(), mixed->warnings.begin(), mixed->warnings.end());
  } else {
    if (bytes.find('\0') != std::string_view::npos)
      throw InputError("binary data, not text or a supported image");
    // Not UTF-8: ask ICU which single-byte charset it is. Swedish legacy text is Windows-1252
    // or ISO-8859-1 (identical for letters); anything ICU names that it can convert is used.
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector* det = ucsdet_open(&status);
    ucsdet_setText(det, bytes.data(), static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20)), &status);
    const UCharsetMatch* match = ucsdet_detect(det, &status);
    std::string name = "windows-1252";
    if (U_SUCCESS(status) && match) {
      const char* n = ucsdet_getName(match, &status);
      if (U_SUCCESS(status) && n) {
        std::string detected = n;
        // ICU reports ISO-8859-1 for most Latin-1 text; Windows-1252 is its superset (it also
        // maps 0x80-0x9f to quotes and dashes), so decode with that.
        if (detected == "ISO-8859-1" || detected == "windows-1252" || detected == "UTF-8") name = "windows-1252";
        else name = detected;
      }
    }
    ucsdet_close(det);
    result.encoding = name;
    result.utf8 = convert_to_utf8(bytes, name.c_str());
  }
  return result;
}

void load_text_lines(std::string_view utf8, Document& doc) {
  const std::string text = normalize_unicode(utf8);
  const std::size_t end = text.find_first_of("\r\n");
  doc.source.line_end = end == std::string::npos || text[end] == '\n' ? LineEnd::lf
                        : end + 1 < text.size() && text[end + 1] == '\n' ? LineEnd::crlf
                                                                        : LineEnd::cr;
  doc.source.final_newline = text.empty() || text.back() == '\n' || text.back() == '\r';
  doc.pages = pages_from_text(text);
}

void load_text(std::string_view bytes, Document& doc, const std::string& encoding) {
  DecodedText decoded = decode_text(bytes, encoding);
  doc.source.encoding = std::move(decoded.encoding);
  doc.source.warnings = std::move(decoded.warnings);
  load_text_lines(decoded.utf8, doc);
}

}  // namespace protokoll
