// Agenda items: numbered in the forms minutes use ("3.", "§ 12", a number OCR lost), each with
// its title, section, presenter, text and decisions; where none is numbered, the headings.
#include <algorithm>

#include "minutes/vocabulary.hpp"
#include "record/parts.hpp"
#include "text/text_util.hpp"

namespace protokoll::record {

using minutes::Label;

namespace {
// The lines above the date are the header; repeated on later pages they are furniture, as are
// page numbers and web addresses standing alone.
class PageFurniture {
 public:
  explicit PageFurniture(const MeetingText& m) {
    const auto& lines = m.lines;
    for (std::size_t i = 0; i < std::min({m.date ? m.date_line : std::size_t(3), m.body, lines.size()}); ++i)
      if (!trim(lines[i]).empty()) header_lines_.push_back(collapse_spaces(lines[i]));
  }
  bool operator()(const std::string& l) const {
    if (is_furniture(l)) return true;
    std::string c = collapse_spaces(l);
    return std::find(header_lines_.begin(), header_lines_.end(), c) != header_lines_.end() && !c.empty();
  }

 private:
  std::vector<std::string> header_lines_;
};
}  // namespace

void read_items(MeetingText& m, Record& r) {
  const std::vector<std::string>& lines = m.lines;
  const std::size_t body = m.body;
  std::optional<std::string>& section = m.section;
  const PageFurniture furniture(m);
  bool paragraphs = false;  // "§ 12" style: only § lines are items
  for (std::size_t i = body; i < lines.size(); ++i)
    if (auto it = minutes::match_item(lines[i]); it && it->paragraph) paragraphs = true;
  int last_number = 0;
  Item* current = nullptr;
  bool in_decision = false;
  for (std::size_t i = body; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    std::string t = collapse_spaces(line);
    if (auto sec = minutes::match_section(t)) {
      section = sec->empty() ? std::nullopt : std::optional<std::string>(*sec);
      current = nullptr;
      continue;
    }
    auto item = minutes::match_item(t);
    if (item && paragraphs && !item->paragraph) item.reset();
    if (item && item->number && !paragraphs && last_number > 0 && *item->number != last_number + 1 &&
        !(*item->number > last_number && *item->number <= last_number + 3))
      item.reset();  // a numbered list inside an item, not the next agenda item
    if (item && !item->title.empty()) {
      Item it;
      it.order = static_cast<int>(r.items.size()) + 1;
      it.number = item->number ? item->number : std::optional<int>(last_number + 1);
      if (item->number && *item->number > last_number + 1 && last_number > 0)
        r.warnings.push_back({"items-numbering-gap", "item " + std::to_string(*item->number) + " follows item " +
                                                         std::to_string(last_number)});
      last_number = *it.number;
      it.section = section;
      it.title = collapse_spaces(item->title);
      // A title that wraps: the next line continues it in lower case.
      while (i + 1 < lines.size()) {
        const std::string& next = lines[i + 1];
        std::string nt = collapse_spaces(next);
        bool continues = !nt.empty() && (std::islower(static_cast<unsigned char>(nt[0])) ||
                                         (static_cast<unsigned char>(nt[0]) == 0xc3 &&
                                          nt.size() > 1 && static_cast<unsigned char>(nt[1]) >= 0xa0)) &&
                         !is_url_line(nt) && !(next.size() > 1 && next[0] == ' ' && next[1] != ' ') &&
                         utf8_length(nt) < 90 && !(it.title.back() == '.' || it.title.back() == ':');
        if (!continues) break;
        it.title += ' ' + nt;
        ++i;
      }
      r.items.push_back(std::move(it));
      current = &r.items.back();
      in_decision = false;
      continue;
    }
    if (!current || furniture(t)) continue;
    auto lm = minutes::match_label(t);
    if (lm.label == Label::presenter && !current->presenter) {
      auto names = parse_names(lm.rest);
      current->presenter = names.empty() ? collapse_spaces(lm.rest) : names.front().name;
      continue;
    }
    if (lm.label == Label::decision && !lm.rest.empty()) {
      current->decisions.push_back(collapse_spaces(lm.rest));
      in_decision = true;
      continue;
    }
    if (t.empty()) {
      in_decision = false;
      if (!current->text.empty() && current->text.back() != '\n') current->text += '\n';
      continue;
    }
    if (minutes::closing_secretary(t)) {
      current = nullptr;
      continue;
    }
    if (in_decision) {
      current->decisions.back() += ' ' + t;
      continue;
    }
    if (!current->text.empty() && current->text.back() != '\n') current->text += ' ';
    current->text += t;
  }
  for (auto& it : r.items)
    while (!it.text.empty() && (it.text.back() == '\n' || it.text.back() == ' ')) it.text.pop_back();

}

void read_unnumbered_items(const MeetingText& m, Record& r) {
  const std::vector<std::string>& lines = m.lines;
  const auto& date = m.date;
  const auto& section = m.section;
  const std::size_t date_line = m.date_line, body = m.body, fields_end = m.fields_end;
  const PageFurniture furniture(m);
  // Unnumbered headings are the items of a meeting that numbers none.
  if (r.items.empty()) {
    std::size_t first = std::max(fields_end, date ? date_line + 1 : 0);
    if (body < lines.size()) first = std::max(first, body);
    for (std::size_t i = first; i + 1 < lines.size(); ++i) {
      std::string t = collapse_spaces(lines[i]);
      bool blank_before = i == 0 || trim(lines[i - 1]).empty();
      if (!blank_before || t.empty() || utf8_length(t) > 60 || trim(lines[i + 1]).empty()) continue;
      unsigned char c = static_cast<unsigned char>(t[0]);
      if (!(std::isupper(c) || c == 0xc3)) continue;
      if (t.back() == '.' || t.back() == ',' || t.back() == ':' || furniture(t)) continue;
      if (minutes::match_label(t).label != Label::none || minutes::match_section(t) || find_date(t)) continue;
      Item it;
      it.order = static_cast<int>(r.items.size()) + 1;
      it.title = t;
      it.section = section;
      r.items.push_back(std::move(it));
    }
  }

}

}  // namespace protokoll::record
