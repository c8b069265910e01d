// The layout of a meeting's minutes: its lines (a column of a table layout each), what each line
// is, and where the header, the agenda and the closing are.
#include <algorithm>
#include <regex>

#include "record/parts.hpp"
#include "text/chars.hpp"
#include "text/text_util.hpp"

namespace protokoll::record {
namespace {

using minutes::Label;

// Where a second label starts inside a line ("Marie Krantz (sekr) Frånvarande: Christian Olsson").
std::size_t embedded_label(const std::string& line) {
  for (std::string_view word : {"Frånvarande:", "Ej närvarande:", "Sekreterare:", "Ordförande:", "Justerare:",
                                "Plats:", "Tid:", "Övriga närvarande:", "Ersättare:", "Förhinder:", "Anmält förhinder:"}) {
    auto pos = line.find(word);
    if (pos != std::string::npos && pos > 0 && line[pos - 1] == ' ') return pos;
  }
  return std::string::npos;
}

// The columns of a line laid out as a table: text separated by runs of three spaces or a tab.
std::vector<std::string> cells_of(std::string_view raw) {
  std::vector<std::string> cells;
  std::size_t i = 0;
  while (i < raw.size()) {
    while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i;
    if (i >= raw.size()) break;
    std::size_t j = i, spaces = 0;
    for (; j < raw.size(); ++j) {
      if (raw[j] == '\t') break;
      spaces = raw[j] == ' ' ? spaces + 1 : 0;
      if (spaces >= 3) break;
    }
    std::string cell = collapse_spaces(raw.substr(i, j - i));
    if (!cell.empty()) cells.push_back(std::move(cell));
    i = j;
  }
  return cells;
}

// A line of dots or rules to sign on ("Sekreterare ........."): the dots out.
std::string without_leaders(std::string s) {
  static const std::regex leaders(R"([._]{4,})");
  if (s.find("....") == std::string::npos && s.find("____") == std::string::npos) return s;
  return collapse_spaces(std::regex_replace(s, leaders, " "));
}

void add_row(MeetingText& m, std::string_view raw, std::size_t row, bool page_start, std::size_t stream_index, int height) {
  std::vector<std::string> cells;
  if (raw.size() <= 4 * minutes::kMaxFieldLine) cells = cells_of(raw);
  else cells.push_back(collapse_spaces(raw));
  // A label in the first column and its value in the second are one field ("Plats och tid   X").
  if (cells.size() >= 2) {
    const auto first = minutes::match_label(cells[0]);
    if (first.label != Label::none && first.rest.empty() && minutes::match_label(cells[1]).label == Label::none &&
        !minutes::is_signature_line(cells[1])) {
      cells[0] += ": " + cells[1];
      cells.erase(cells.begin() + 1);
    }
  }
  if (cells.empty()) cells.emplace_back();
  std::vector<std::string> split;
  for (auto& c : cells) {
    c = without_leaders(c);
    for (std::size_t pos; (pos = embedded_label(c)) != std::string::npos;) {
      split.push_back(collapse_spaces(c.substr(0, pos)));
      c = c.substr(pos);
    }
    split.push_back(c);
  }
  for (std::size_t k = 0; k < split.size(); ++k) {
    MeetingLine line;
    line.text = std::move(split[k]);
    line.row = row;
    line.column = k;
    line.columns = split.size();
    line.page_start = page_start && k == 0;
    line.stream_index = stream_index;
    line.height = height;
    m.lines.push_back(std::move(line));
  }
}

// The first rows of a page after the first that repeat the first page's header, or carry a
// page number or the bare date: page furniture.
void mark_page_headers(MeetingText& m) {
  std::vector<std::string> first_page;  // the cells of the first page's first rows, lower case
  std::size_t rows = 0;
  for (std::size_t i = 0; i < m.lines.size() && rows < 8; ++i) {
    if (i > 0 && m.lines[i].page_start) break;
    if (m.lines[i].column == 0) ++rows;
    if (!m.lines[i].text.empty()) first_page.push_back(to_lower(m.lines[i].text));
  }
  bool seen_first = false;
  for (std::size_t i = 0; i < m.lines.size(); ++i) {
    if (!m.lines[i].page_start) continue;
    if (!seen_first) {
      seen_first = true;
      continue;
    }
    std::size_t nonblank_rows = 0;
    for (std::size_t j = i; j < m.lines.size() && nonblank_rows < 4; ++j) {
      if (j > i && m.lines[j].page_start) break;
      // The row of this line: every cell of it.
      const std::size_t row = m.lines[j].row;
      std::size_t end = j;
      while (end < m.lines.size() && m.lines[end].row == row) ++end;
      bool header = false, blank = true;
      for (std::size_t k = j; k < end; ++k) {
        const std::string& t = m.lines[k].text;
        if (t.empty()) continue;
        blank = false;
        const std::string lower = to_lower(t);
        header |= std::find(first_page.begin(), first_page.end(), lower) != first_page.end() ||
                  minutes::page_number(t) > 0 || minutes::is_page_furniture(t) ||
                  (find_date(t) && utf8_length(t) <= 30) || lower == "sammanträdesdatum";
      }
      if (!blank) ++nonblank_rows;
      if (header)
        for (std::size_t k = j; k < end; ++k) m.lines[k].role = Role::furniture;
      else if (!blank)
        break;
      j = end - 1;
    }
  }
}

void assign_roles(MeetingText& m) {
  bool attestation = false;
  for (auto& line : m.lines) {
    if (line.page_start) attestation = false;
    if (line.role == Role::furniture) continue;
    const std::string& t = line.text;
    if (t.empty()) {
      line.role = Role::blank;
      continue;
    }
    if (minutes::is_attestation(t)) attestation = true;
    if (attestation) {
      line.role = Role::attestation;
    } else if (minutes::is_page_furniture(t) || is_url_line(t)) {
      line.role = Role::furniture;
    } else if (minutes::is_signature_line(t)) {
      line.role = Role::signature;
    } else if (auto item = minutes::match_item(t)) {
      line.role = Role::item;
      line.item = std::move(item);
    } else if (auto section = minutes::match_section(t)) {
      line.role = Role::section;
      line.section = std::move(section);
      line.subheading = minutes::match_subheading(t);
    } else if (auto sub = minutes::match_subheading(t); sub != minutes::Subheading::none) {
      line.role = Role::subheading;
      line.subheading = sub;
    } else if (auto label = minutes::match_label(t); label.label != Label::none) {
      line.role = Role::label;
      line.label = std::move(label);
    }
  }
  // Items numbered "1 Inledning", "2 Status …" where no line is numbered otherwise and they
  // run 1, 2, 3 … (an agenda read out first restarts the run).
  if (std::none_of(m.lines.begin(), m.lines.end(), [](const auto& l) { return l.role == Role::item; })) {
    std::vector<std::pair<std::size_t, minutes::ItemLine>> bare;
    int next = 1, run = 0;
    for (std::size_t i = 0; i < m.lines.size(); ++i) {
      if (m.lines[i].role != Role::text) continue;
      auto item = minutes::match_bare_item(m.lines[i].text);
      if (!item) continue;
      if (*item->number == 1) next = 1;
      if (*item->number != next) continue;
      ++next;
      ++run;
      bare.emplace_back(i, std::move(*item));
    }
    if (run >= 3)
      for (auto& [i, item] : bare) {
        m.lines[i].role = Role::item;
        m.lines[i].item = std::move(item);
      }
  }
  // "Beslut" is a section of the agenda where an item follows it, a heading inside an item
  // where its decision does.
  for (std::size_t i = 0; i < m.lines.size(); ++i) {
    if (m.lines[i].role != Role::section) continue;
    std::size_t j = i + 1;
    while (j < m.lines.size() && (m.lines[j].blank() || m.lines[j].role == Role::furniture)) ++j;
    const bool item_follows = j < m.lines.size() && (m.lines[j].role == Role::item || m.lines[j].role == Role::section ||
                                                     (m.lines[j].text.rfind("Inga ", 0) == 0));
    if (!item_follows && m.lines[i].subheading != minutes::Subheading::none) m.lines[i].role = Role::subheading;
  }
}

}  // namespace

MeetingText meeting_text(std::span<const StreamLine> meeting, Record& r) {
  MeetingText m;
  // The meeting's text as the record gives it: its lines, a form feed where a page or file
  // begins.
  auto new_page = [&](std::size_t i) {
    return meeting[i].document != meeting[i - 1].document || meeting[i].page != meeting[i - 1].page;
  };
  for (std::size_t i = 0; i < meeting.size(); ++i) {
    if (i) r.text += new_page(i) ? "\n\f" : "\n";
    r.text += meeting[i].text;
  }
  // A last blank line on the same page carries nothing (a page break does: a blank line).
  std::size_t count = meeting.size();
  if (count > 0 && meeting[count - 1].text.empty() && (count == 1 || !new_page(count - 1))) --count;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view t = meeting[i].text;
    // Archive text without form feeds marks a new page by one leading space.
    const bool page_start = i == 0 || new_page(i) || (t.size() > 1 && t[0] == ' ' && t[1] != ' ');
    add_row(m, t, i, page_start, i, meeting[i].height);
  }
  // Scans: how tall a line of text is, for telling headings (set larger) from it.
  std::vector<int> heights;
  for (std::size_t i = 0; i < count; ++i)
    if (meeting[i].height > 0) heights.push_back(meeting[i].height);
  if (!heights.empty()) {
    std::nth_element(heights.begin(), heights.begin() + static_cast<long>(heights.size() / 2), heights.end());
    m.line_height = heights[heights.size() / 2];
  }
  mark_page_headers(m);
  assign_roles(m);
  m.body = m.closing = m.lines.size();
  return m;
}

// A list runs from its label over the lines that follow until a blank line or another field.
std::string collect_list(const MeetingText& m, std::size_t at, const std::string& first, std::size_t& last) {
  const auto& lines = m.lines;
  // A list under a label alone may be in parts, each under a label of its own ("Närvarande:",
  // then "Ordförande: …", "Ledamöter: …").
  const bool parts = first.empty();
  auto part_label = [&](const MeetingLine& l) {
    const Label k = l.label.label;
    return parts && l.role == Role::label && l.label.colon && !l.label.rest.empty() &&
           (k == Label::chair || k == Label::participants || k == Label::others_present || k == Label::substitutes);
  };
  auto list_line = [&](std::size_t i) {
    const MeetingLine& l = lines[i];
    if (part_label(l)) return true;
    return l.role == Role::text && !find_date(l.text) && !minutes::next_meeting(l.text) &&
           !minutes::document_type(l.text);
  };
  std::string text = first;
  std::size_t i = at;
  while (i + 1 < lines.size()) {
    std::size_t next = i + 1;
    // OCR puts blank lines between one-name lines, so a blank line followed by a name goes on.
    if (lines[next].blank() && next + 1 < lines.size() && list_line(next + 1) && (!text.empty() || next == at + 1) &&
        !parse_people(lines[next + 1].text).empty() && utf8_length(lines[next + 1].text) <= 100 &&
        lines[next + 1].text.back() != '.')
      ++next;
    if (lines[next].role == Role::furniture) {
      i = next;
      continue;
    }
    if (!list_line(next)) break;
    if (part_label(lines[next])) {  // "Ordförande: Birgitta Nyström (S)": a part of its own
      if (!text.empty()) text += ';';
      text += ' ' + lines[next].text;
      i = next;
      continue;
    }
    const std::string& add = lines[next].text;
    // One name a line ("Göran Sjöström (M)"), or a name that wraps ("Karin" / "Gerken")?
    std::string_view tail = text;
    if (auto comma = tail.rfind(','); comma != std::string_view::npos) tail = tail.substr(comma + 1);
    tail = trim(tail);
    bool complete = !tail.empty() && (tail.back() == ')' || tail.find(' ') != std::string_view::npos ||
                                      !(std::isupper(static_cast<unsigned char>(tail[0])) ||
                                        static_cast<unsigned char>(tail[0]) == 0xc3));
    // "vice" / "ordförande" is one role that wraps.
    const std::string end_word = to_lower(tail.substr(tail.rfind(' ') == std::string_view::npos ? 0 : tail.rfind(' ') + 1));
    if (end_word == "vice" || end_word == "1:e" || end_word == "2:e" || end_word == "förste" || end_word == "andre") complete = false;
    if (minutes::is_role_word(to_lower(tail))) complete = true;  // "Johan Eklöf, VD"
    if (!text.empty() && text.back() != ',' && text.back() != ';' && complete) text += ',';
    text += ' ';
    text += add;
    i = next;
  }
  last = i;
  return text;
}

}  // namespace protokoll::record
