#include "protokoll/document.hpp"

#include <string_view>

namespace protokoll {

std::size_t Document::line_count() const {
  std::size_t n = 0;
  for (const Page& page : pages) n += page.lines.size();
  return n;
}

std::string describe_unread(const Page& page) {
  if (page.unread.empty()) return {};
  const Box& b = page.unread.front();
  return std::to_string(page.unread.size()) + " region(s) with ink and no word read with confidence, the first at " +
         std::to_string(b.left) + "," + std::to_string(b.top) + " (" + std::to_string(b.width) + "x" +
         std::to_string(b.height) + " px)";
}

ConfidenceSum confidence_sum(const Page& page) {
  ConfidenceSum c;
  for (const auto& line : page.lines)
    for (const auto& word : line.words)
      if (word.confidence >= 0) {
        c.sum += word.confidence;
        ++c.words;
      }
  return c;
}

std::optional<double> Document::mean_confidence() const {
  ConfidenceSum c;
  for (const auto& page : pages) c += confidence_sum(page);
  return c.mean();
}

std::vector<Page> pages_from_text(std::string_view text) {
  std::vector<Page> pages(1);
  std::size_t start = 0;  // of the current line
  bool pending = false;   // a line has started (even if empty)
  auto flush_line = [&](std::size_t end) {
    pages.back().lines.push_back(Line{std::string(text.substr(start, end - start)), {}, {}});
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
      // A form feed inside a line ends that line without a line end.
      pages.back().break_after_line_end = !pending;
      if (pending) flush_line(i);
      Page next;
      next.number = static_cast<int>(pages.size()) + 1;
      pages.push_back(std::move(next));
    }
    start = i + 1;
  }
  if (pending) flush_line(text.size());
  return pages;
}

std::string document_text(const Document& doc) {
  const std::string_view eol = doc.source.line_end == LineEnd::crlf ? "\r\n" : doc.source.line_end == LineEnd::cr ? "\r" : "\n";
  std::size_t bytes = 0;
  for (const Page& page : doc.pages)
    for (const Line& line : page.lines) bytes += line.text.size() + eol.size();
  std::string out;
  out.reserve(bytes + doc.pages.size());
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    const Page& page = doc.pages[p];
    if (p) out += '\f';
    const bool last_page = p + 1 == doc.pages.size();
    for (std::size_t l = 0; l < page.lines.size(); ++l) {
      out += page.lines[l].text;
      const bool last_line = l + 1 == page.lines.size();
      if (!last_line || (last_page ? doc.source.final_newline : page.break_after_line_end)) out += eol;
    }
  }
  return out;
}

}  // namespace protokoll
