#include "protokoll/document.hpp"

namespace protokoll {

const char* to_string(SourceKind kind) {
  switch (kind) {
    case SourceKind::text: return "text";
    case SourceKind::image: return "image";
    case SourceKind::tiff: return "tiff";
    case SourceKind::pdf: return "pdf";
    case SourceKind::unknown: break;
  }
  return "unknown";
}

std::string Document::text() const {
  std::string out;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (p) out += '\f';
    for (std::size_t l = 0; l < pages[p].lines.size(); ++l) {
      if (l) out += '\n';
      out += pages[p].lines[l].text;
    }
  }
  return out;
}

std::optional<double> Document::mean_confidence() const {
  double sum = 0;
  std::size_t n = 0;
  for (const auto& page : pages)
    for (const auto& line : page.lines)
      for (const auto& word : line.words)
        if (word.confidence >= 0) {
          sum += word.confidence;
          ++n;
        }
  if (!n) return std::nullopt;
  return sum / static_cast<double>(n);
}

std::vector<Page> pages_from_text(std::string_view text, std::size_t source_index) {
  std::vector<Page> pages;
  pages.push_back(Page{source_index, 1, {}});
  std::size_t start = 0;  // of the current line
  bool pending = false;   // a line has started (even if empty)
  auto flush_line = [&](std::size_t end) {
    pages.back().lines.push_back(Line{std::string(text.substr(start, end - start)), {}});
    pending = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '\r' && c != '\n' && c != '\f') {
      pending = true;
      continue;
    }
    if (c == '\r') {
      flush_line(i);
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\n') {
      flush_line(i);
    } else {
      if (pending) flush_line(i);
      pages.push_back(Page{source_index, static_cast<int>(pages.size()) + 1, {}});
    }
    start = i + 1;
  }
  if (pending) flush_line(text.size());
  return pages;
}

}  // namespace protokoll
