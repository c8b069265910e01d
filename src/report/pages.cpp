// A document's pages in its report: the image with the OCR's word boxes beside the text as
// protokoll reads it after the repair, every change and every doubtful word marked in both.
#include <algorithm>
#include <cstdio>

#include "report/html.hpp"
#include "report/parts.hpp"
#include "text/text_util.hpp"

namespace protokoll::report {

std::vector<PlacedChange> place_changes(const std::u32string& repaired, std::span<const Change> all,
                                        std::span<const std::size_t> of_line) {
  std::vector<PlacedChange> placed;
  // Columns count the line as it was read; each change before moves the later ones by the
  // difference of its lengths.
  long shift = 0;
  std::size_t free_from = 0;  // marks never overlap
  for (const std::size_t k : of_line) {
    const Change& c = all[k];
    const std::u32string to = to_u32(c.to);
    const long from_length = static_cast<long>(utf8_length(c.from));
    const long expected = static_cast<long>(c.column) - 1 + shift;
    shift += static_cast<long>(to.size()) - from_length;
    PlacedChange p{k, 0, 0, false};
    if (expected >= static_cast<long>(free_from) && repaired.compare(static_cast<std::size_t>(expected), to.size(), to) == 0) {
      p.begin = static_cast<std::size_t>(expected);
      p.placed = true;
    } else if (const auto at = repaired.find(to, free_from); !to.empty() && at != std::u32string::npos) {
      p.begin = at;
      p.placed = true;
    }
    if (p.placed) {
      p.end = p.begin + to.size();
      free_from = p.end;
    }
    placed.push_back(p);
  }
  return placed;
}

namespace {

std::string change_id(std::size_t k) { return "c" + std::to_string(k + 1); }

std::string tip(const Change& c) {
  char score[32];
  std::snprintf(score, sizeof score, "%.2f", c.score);
  std::string t = "<span class=\"tip\">read <b>" + escaped(c.from) + "</b> &rarr; <b>" + escaped(c.to) +
                  "</b><br>margin " + score;
  if (!c.runner_up.empty()) t += "; next best <b>" + escaped(c.runner_up) + "</b>";
  return t + "</span>";
}

// A span of a line to mark: a change (its index) or a doubtful OCR word (its confidence).
struct Span {
  std::size_t begin, end;
  long change;  // -1 for a doubtful word
  float confidence;
};

// The code-point span of each OCR word in the line as read (words joined by one space);
// none when the line's words do not make up its text.
std::vector<std::pair<std::size_t, std::size_t>> word_spans(const Line& line, std::size_t read_length) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::size_t at = 0;
  for (const Word& w : line.words) {
    if (at) ++at;
    const std::size_t n = utf8_length(w.text);
    spans.emplace_back(at, at + n);
    at += n;
  }
  if (at != read_length) spans.clear();
  return spans;
}

void append_line_text(std::string& out, const std::u32string& text, std::vector<Span> spans,
                      const std::vector<Change>& changes, const std::vector<PlacedChange>& unplaced) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::size_t at = 0;
  for (const Span& s : spans) {
    if (s.begin < at) continue;
    out += escaped(to_utf8(text.substr(at, s.begin - at)));
    const std::string inner = escaped(to_utf8(text.substr(s.begin, s.end - s.begin)));
    if (s.change >= 0) {
      const auto k = static_cast<std::size_t>(s.change);
      out += "<mark class=\"fix\" id=\"" + change_id(k) + "\" tabindex=\"0\">" + inner + tip(changes[k]) + "</mark>";
    } else {
      out += "<mark class=\"low\" title=\"OCR confidence " + std::to_string(static_cast<int>(s.confidence)) + "\">" + inner + "</mark>";
    }
    at = s.end;
  }
  out += escaped(to_utf8(text.substr(std::min(at, text.size()))));
  // A change whose replacement is no longer where it was (a later step rewrote the words
  // around it) is still shown, after the line, so that none goes unseen.
  for (const PlacedChange& p : unplaced) {
    const Change& c = changes[p.change];
    out += " <mark class=\"fix\" id=\"" + change_id(p.change) + "\" tabindex=\"0\">[" + escaped(c.to) + "]" + tip(c) + "</mark>";
  }
}

std::string percent(int part, int whole) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f%%", whole > 0 ? 100.0 * part / whole : 0.0);
  return buf;
}

void append_box(std::string& out, const Page& page, const Word& w, long change) {
  if (w.box.empty() || page.width <= 0 || page.height <= 0) return;
  const bool low = w.confidence >= 0 && w.confidence < kLowWordConfidence;
  const std::string style = "left:" + percent(w.box.left, page.width) + ";top:" + percent(w.box.top, page.height) +
                            ";width:" + percent(w.box.width, page.width) + ";height:" + percent(w.box.height, page.height);
  if (change >= 0) {
    const std::string id = change_id(static_cast<std::size_t>(change));
    out += "<a class=\"box fix\" href=\"#" + id + "\" data-c=\"" + id + "\" style=\"" + style + "\" title=\"" + escaped(w.text) + "\"></a>";
  } else {
    out += std::string("<i class=\"box") + (low ? " low" : "") + "\" style=\"" + style + "\"" +
           (low ? " title=\"OCR confidence " + std::to_string(static_cast<int>(w.confidence)) + "\"" : "") + "></i>";
  }
}

}  // namespace

void append_pages(std::string& out, const Document& doc, const std::string& name, std::vector<DocumentReport::Image>& images) {
  // The changes of each line, in the order of their columns; one whose line the document
  // does not have (none expected) goes on its last line.
  const std::size_t last = std::max<std::size_t>(1, doc.line_count());
  std::vector<std::vector<std::size_t>> by_line(last + 1);
  for (std::size_t k = 0; k < doc.changes.size(); ++k) by_line[std::clamp<std::size_t>(doc.changes[k].line, 1, last)].push_back(k);
  for (auto& ks : by_line)
    std::stable_sort(ks.begin(), ks.end(), [&](std::size_t a, std::size_t b) { return doc.changes[a].column < doc.changes[b].column; });

  std::size_t number = 0;  // 1-based source line, over all pages
  for (const Page& page : doc.pages) {
    const bool has_image = !page.preview_jpeg.empty();
    const std::string pid = "p" + std::to_string(page.number);
    out += "<section class=\"sheet" + std::string(has_image ? "" : " textonly") + "\" id=\"" + pid + "\" aria-label=\"Page " +
           std::to_string(page.number) + "\">\n<h2>Page " + std::to_string(page.number);
    if (page.ocr_confidence) out += " <small>(mean OCR confidence " + std::to_string(static_cast<int>(*page.ocr_confidence)) + ")</small>";
    out += "</h2>\n";
    std::string boxes, lines;
    for (const Line& line : page.lines) {
      ++number;
      const std::u32string text = to_u32(line.text);
      const auto& of_line = by_line[number];  // number <= line_count() <= last
      const auto placed = place_changes(text, doc.changes, of_line);
      std::vector<Span> spans;
      std::vector<PlacedChange> unplaced;
      long read_length = static_cast<long>(text.size());
      for (const auto& p : placed) {
        read_length += static_cast<long>(utf8_length(doc.changes[p.change].from)) - static_cast<long>(utf8_length(doc.changes[p.change].to));
        if (p.placed) spans.push_back({p.begin, p.end, static_cast<long>(p.change), 0});
        else unplaced.push_back(p);
      }
      // Each OCR word: its box, linked to the change that covers it; a doubtful word not
      // changed is marked in the text too, where the changes before it moved it.
      const auto words = word_spans(line, static_cast<std::size_t>(std::max(0L, read_length)));
      for (std::size_t i = 0; i < line.words.size(); ++i) {
        long change = -1, shift = 0;
        bool changed = false;
        if (!words.empty()) {
          const auto [wb, we] = words[i];
          for (const std::size_t k : of_line) {
            const Change& c = doc.changes[k];
            const std::size_t cb = c.column - 1, ce = cb + utf8_length(c.from);
            if (cb < we && wb < ce) {
              changed = true;
              if (change < 0) change = static_cast<long>(k);
            } else if (ce <= wb) {
              shift += static_cast<long>(utf8_length(c.to)) - static_cast<long>(utf8_length(c.from));
            }
          }
          const Word& w = line.words[i];
          const auto begin = static_cast<long>(wb) + shift;
          if (!changed && w.confidence >= 0 && w.confidence < kLowWordConfidence && begin >= 0 &&
              text.compare(static_cast<std::size_t>(begin), we - wb, to_u32(w.text)) == 0)
            spans.push_back({static_cast<std::size_t>(begin), static_cast<std::size_t>(begin) + (we - wb), -1, w.confidence});
        }
        if (has_image) append_box(boxes, page, line.words[i], change);
      }
      lines += "<li id=\"L" + std::to_string(number) + "\"><span class=\"ln\">" + std::to_string(number) + "</span>";
      append_line_text(lines, text, std::move(spans), doc.changes, unplaced);
      lines += "</li>\n";
    }
    if (has_image) {
      const std::string file = name + ".p" + std::to_string(page.number) + ".jpg";
      out += "<figure class=\"scan\"><img src=\"" + escaped(url_escaped(file)) + "\" width=\"" + std::to_string(page.preview_width) +
             "\" height=\"" + std::to_string(page.preview_height) + "\" alt=\"Page " + std::to_string(page.number) +
             " as OCR read it\">" + boxes + "</figure>\n";
      images.push_back({file, page.preview_jpeg});
    }
    out += "<ol class=\"lines\" lang=\"sv\">\n" + lines + "</ol>\n</section>\n";
  }
}

}  // namespace protokoll::report
