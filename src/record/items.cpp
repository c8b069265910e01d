// The agenda: items numbered in the forms minutes use ("3.", "3)", "§ 12", "Punkt 3.", "Ärende
// 4", a number OCR lost), or headings where none is numbered; each item's title, section,
// presenter, text, decisions ("Beslut", "Beslut:", "Nämnden beslutar att …", "Styrelsen beslöt
// …") and reservations; and the next meeting the minutes announce.
#include <algorithm>

#include "record/parts.hpp"
#include "text/chars.hpp"
#include "text/text_util.hpp"

namespace protokoll::record {
namespace {

using minutes::Label;

bool ends_sentence(std::string_view t) {
  if (t.empty()) return false;
  const char c = t.back();
  return c == '.' || c == ',' || c == ';' || c == '!' || c == '?';
}

// A sentence ends inside the line and another begins ("… koll på nuläget. (Behovsanalys)
// Beredskap …"): a word of three or more small letters, then '.', '!' or '?', a space and a
// capital or a parenthesis. Abbreviations ("ev.", "t.ex.") are shorter or hold a dot.
bool inner_sentence_end(std::string_view t) {
  for (std::size_t p = 3; p + 2 < t.size(); ++p) {
    if ((t[p] != '.' && t[p] != '!' && t[p] != '?') || t[p + 1] != ' ') continue;
    std::size_t after = p + 2;
    const char32_t next = decode_utf8(t, after);
    if (!is_upper(next) && next != U'(') continue;
    std::size_t letters = 0, q = p;
    while (q > 0) {
      std::size_t start = q - 1;
      while (start > 0 && (static_cast<unsigned char>(t[start]) & 0xC0) == 0x80) --start;
      std::size_t at = start;
      const char32_t c = decode_utf8(t, at);
      if (!is_letter(c) || is_upper(c)) break;
      ++letters;
      q = start;
    }
    if (letters >= 3 && (q == 0 || t[q - 1] == ' ')) return true;
  }
  return false;
}

bool bullet_line(std::string_view t) {
  return t.rfind("•", 0) == 0 || t.rfind("◦", 0) == 0 || t.rfind("- ", 0) == 0 || t.rfind("– ", 0) == 0 ||
         t.rfind("* ", 0) == 0 || t.rfind("o ", 0) == 0;
}

bool starts_upper(std::string_view t) {
  std::size_t i = 0;
  return !t.empty() && is_upper(decode_utf8(t, i));
}

// A line of running text: long, or a sentence.
bool prose(const MeetingLine& l) {
  return l.role == Role::text && !bullet_line(l.text) && (utf8_length(l.text) > 60 || (ends_sentence(l.text) && l.text.find(' ') != std::string::npos));
}

// A header field: a label of the kinds a header has.
bool header_label(const MeetingLine& l) {
  if (l.role != Role::label) return false;
  switch (l.label.label) {
    case Label::presenter: case Label::decision: return false;
    default: return true;
  }
}

// A heading that stands for an agenda item in minutes that number none: a short line that
// stands alone (a blank line or a page start before it), begins with a capital, does not end
// a sentence, and is followed by its text.
bool heading_at(const MeetingText& m, std::size_t i, std::size_t end) {
  const auto& lines = m.lines;
  const MeetingLine& l = lines[i];
  if (l.role != Role::text || l.column != 0 || l.columns > 1) return false;
  const std::string& t = l.text;
  const std::size_t length = utf8_length(t);
  if (length < 3 || length > 80 || !starts_upper(t) || bullet_line(t)) return false;
  const bool colon = t.back() == ':';
  if (ends_sentence(t) || inner_sentence_end(t) || (t.find(':') != std::string::npos && !colon)) return false;
  if (find_date(t) || minutes::next_meeting(t) || minutes::document_type(t) || minutes::closing_secretary(t) ||
      looks_like_name(t))
    return false;
  // Alone: a blank line before it, or the end of a list before it and a blank line after it
  // (OCR drops blank lines after bullets).
  const bool after_list = i > 0 && bullet_line(lines[i - 1].text) && utf8_length(lines[i - 1].text) < 60 && i + 1 < end &&
                          lines[i + 1].blank();
  // On a scan a heading is set larger than its text: that sets it apart where OCR lost the blank
  // line before it.
  const bool tall = m.line_height > 0 && l.height * 4 >= m.line_height * 5;
  if (!(i == 0 || lines[i - 1].blank() || l.page_start || lines[i - 1].role == Role::furniture || after_list || tall)) return false;
  std::size_t j = i + 1;
  while (j < end && lines[j].blank() && j < i + 3) ++j;
  if (j >= end || lines[j].blank()) return false;
  const MeetingLine& next = lines[j];
  if (next.role == Role::item || next.role == Role::signature || next.role == Role::attestation) return false;
  // A sentence that wraps goes on in lower case on the next line: not a heading.
  if (j == i + 1 && !next.text.empty() && !starts_upper(next.text) && !bullet_line(next.text)) return false;
  // A heading ending in ':' must be followed by prose, not a list ("Genomförande:" then "1. …").
  if (colon) return prose(next) && j == i + 1;
  return next.role == Role::text || next.role == Role::subheading || next.role == Role::label;
}

// Where the header's fields end: after its last field (and the list it opens) before the first
// paragraph of running text or item.
std::size_t header_end(const MeetingText& m) {
  std::size_t end = 0;
  for (std::size_t i = 0; i < m.lines.size(); ++i) {
    const MeetingLine& l = m.lines[i];
    if (l.role == Role::item || prose(l)) break;
    if (header_label(l) || l.role == Role::signature || l.role == Role::attestation) {
      std::size_t last = i;
      if (l.role == Role::label && (minutes::lists_people(l.label.label) || l.label.label == Label::adjusters))
        collect_list(m, i, l.label.rest, last);
      end = last + 1;
      i = last;
    }
  }
  return end;
}

// A row of names only (over their roles), its spaces perhaps lost: "Lejla Hodzic Torbjörn Ahl
// Gustav Ring".
bool names_row(std::string_view t) {
  if (looks_like_name(t)) return true;
  if (t.empty() || ends_sentence(t) || utf8_length(t) > 100) return false;
  std::size_t words = 0;
  for (std::size_t i = 0; i < t.size();) {
    while (i < t.size() && t[i] == ' ') ++i;
    if (i >= t.size()) break;
    if (!starts_upper(t.substr(i)) && t[i] != '(') return false;
    ++words;
    while (i < t.size() && t[i] != ' ') ++i;
  }
  return words >= 4 && words <= 15;
}

bool closing_start(const MeetingLine& line) {
  if (line.role == Role::signature || line.role == Role::attestation) return true;
  if (minutes::closing_secretary(line.text)) return true;
  if (line.role == Role::label && (line.label.label == Label::secretary || line.label.label == Label::chair ||
                                   line.label.label == Label::adjusters))
    return !line.label.rest.empty() || line.label.label == Label::adjusters;
  if (line.role != Role::text || utf8_length(line.text) > 80) return false;
  const auto people = parse_people(line.text);
  return !people.empty() && people.size() <= 3 && std::all_of(people.begin(), people.end(), [](const PersonEntry& p) {
    return p.role && (minutes::is_secretary_note(*p.role) || minutes::is_chair_note(*p.role) ||
                      minutes::is_adjuster_note(*p.role));
  });
}

}  // namespace

// Numbered or headings, where the agenda begins and where the closing begins after it.
void find_agenda(MeetingText& m) {
  auto& lines = m.lines;
  m.fields_end = header_end(m);
  std::vector<std::size_t> numbered;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i].role == Role::item) numbered.push_back(i);
  std::vector<std::size_t> headings;
  for (std::size_t i = m.fields_end; i < lines.size(); ++i)
    if (heading_at(m, i, lines.size())) headings.push_back(i);
  // A numbered list inside minutes laid out in headings ("1. Person X intervjuar …") is text:
  // the headings and their paragraphs come first.
  const std::size_t first_numbered = numbered.empty() ? lines.size() : numbered.front();
  const std::size_t headings_before = static_cast<std::size_t>(
      std::count_if(headings.begin(), headings.end(), [&](std::size_t h) { return h < first_numbered; }));
  const bool paragraph_style = !numbered.empty() && lines[numbered.front()].item->paragraph;
  m.numbered = !numbered.empty() && (paragraph_style || headings_before < 2);
  std::size_t body = lines.size();
  if (m.numbered) {
    body = numbered.front();
    // A section heading just before the first item ("Beslut", then "1. …") is part of the agenda.
    for (std::size_t i = body; i-- > m.fields_end;) {
      if (lines[i].blank()) continue;
      if (lines[i].role == Role::section) body = i;
      else break;
    }
  } else if (!headings.empty()) {
    body = headings.front();
  }
  m.body = body;
  // The closing: the first signature, secretary's line or closing field after the last item's heading.
  std::size_t last_item = body;
  for (std::size_t i = body; i < lines.size(); ++i)
    if ((m.numbered && lines[i].role == Role::item) || (!m.numbered && std::find(headings.begin(), headings.end(), i) != headings.end()))
      last_item = i;
  m.closing = lines.size();
  for (std::size_t i = last_item + 1; i < lines.size(); ++i)
    if (closing_start(lines[i])) {
      // A name on the line above its role ("Linda Wikström" / "sekreterare") belongs to it.
      std::size_t start = i;
      while (start > last_item + 1 && (lines[start - 1].row == lines[i].row ||
                                       (lines[start - 1].role == Role::text && names_row(lines[start - 1].text))))
        --start;
      m.closing = start;
      break;
    }
  // Headings the minutes stand in: the unnumbered items are only those before the closing.
  if (!m.numbered)
    for (std::size_t h : headings)
      if (h < m.closing) lines[h].role = Role::item;
}

namespace {

struct ItemReader {
  ItemReader(MeetingText& m, Record& r) : m(m), r(r) {}
  MeetingText& m;
  Record& r;
  Item* current = nullptr;
  std::optional<std::string> section;
  int last_number = 0;
  enum class Block { text, decision, proposal, reservation, other } block = Block::text;
  std::string pending;  // the decision or reservation being read

  void flush() {
    if (!current || pending.empty()) {
      pending.clear();
      return;
    }
    const std::string text = collapse_spaces(pending);
    if (block == Block::decision) current->decisions.push_back(text);
    if (block == Block::reservation) current->reservations.push_back(text);
    pending.clear();
  }
  void set_block(Block b) {
    flush();
    block = b;
  }
  void add_text(const std::string& t) {
    if (!current) return;
    if (!current->text.empty() && current->text.back() != '\n') current->text += ' ';
    current->text += t;
  }
  void paragraph_break() {
    if (current && !current->text.empty() && current->text.back() != '\n') current->text += '\n';
  }

  // A new item at line i (its title there, or on the next line for "§ 12" alone).
  void start_item(std::size_t& i, std::optional<int> number, std::string title) {
    flush();
    block = Block::text;
    auto& lines = m.lines;
    if (title.empty()) {
      std::size_t j = i + 1;
      // "§ 88      Dnr MBN 2022/311": the case number beside the paragraph is not its title.
      while (j < m.closing && (lines[j].blank() || lines[j].role == Role::furniture || minutes::is_case_number(lines[j].text))) ++j;
      if (j < m.closing && lines[j].role != Role::item) {
        title = lines[j].text;
        i = j;
      }
    }
    // A title that wraps: the next line goes on with it in lower case.
    while (i + 1 < m.closing) {
      const std::string& next = lines[i + 1].text;
      const bool continues = lines[i + 1].role == Role::text && !next.empty() && !starts_upper(next) &&
                             !bullet_line(next) && !is_url_line(next) && utf8_length(next) < 90 && !title.empty() &&
                             next.back() != '.' &&
                             title.back() != '.' && title.back() != ':' && std::isalpha(static_cast<unsigned char>(next[0]));
      if (!continues) break;
      title += ' ' + next;
      ++i;
    }
    Item it;
    it.order = static_cast<int>(r.items.size()) + 1;
    it.number = number;
    it.section = section;
    it.title = collapse_spaces(title);
    r.items.push_back(std::move(it));
    current = &r.items.back();
  }

  // A numbered line: the next item, or a list inside the current one.
  bool next_number(const minutes::ItemLine& item) {
    if (!item.number) return true;
    const int n = *item.number;
    if (last_number == 0 || item.paragraph) return n > last_number || last_number == 0;
    return n == last_number + 1 || (n > last_number && n <= last_number + 3);
  }

  void read_line(std::size_t& i) {
    auto& lines = m.lines;
    const MeetingLine& l = lines[i];
    const std::string& t = l.text;
    switch (l.role) {
      case Role::blank:
        if (block == Block::decision || block == Block::reservation) {
          // "att …" lines after a blank go on with the decision.
          std::size_t j = i + 1;
          while (j < m.closing && lines[j].blank()) ++j;
          if (j < m.closing && lines[j].text.rfind("att ", 0) == 0) return;
          set_block(Block::text);
        }
        paragraph_break();
        return;
      case Role::furniture: case Role::attestation: case Role::signature:
        return;
      case Role::section:
        flush();
        section = l.section->empty() ? std::nullopt : l.section;
        current = nullptr;
        return;
      case Role::subheading:
        switch (l.subheading) {
          case minutes::Subheading::decision: set_block(Block::decision); return;
          case minutes::Subheading::proposal: set_block(Block::proposal); return;
          case minutes::Subheading::reservation: set_block(Block::reservation); return;
          default: set_block(Block::other); return;
        }
      case Role::item:
        // An agenda read out first and then gone through ("1. …", "2. …", then "1. …" with text):
        // the items are the second time.
        if (l.item && l.item->number && m.numbered && !r.items.empty() && r.items.front().number == l.item->number &&
            std::all_of(r.items.begin(), r.items.end(), [](const Item& x) { return x.text.empty() && x.decisions.empty(); }) &&
            !next_number(*l.item)) {
          flush();
          r.items.clear();
          current = nullptr;
          last_number = 0;
          r.warnings.erase(std::remove_if(r.warnings.begin(), r.warnings.end(),
                                          [](const Warning& w) { return w.code == "items-numbering-gap"; }),
                           r.warnings.end());
        }
        if (!l.item || (m.numbered && next_number(*l.item))) {
          if (l.item && l.item->number) {
            if (*l.item->number > last_number + 1 && last_number > 0)
              r.warnings.push_back({"items-numbering-gap", "item " + std::to_string(*l.item->number) + " follows item " +
                                                               std::to_string(last_number)});
            last_number = *l.item->number;
          }
          std::optional<int> number = l.item ? l.item->number : std::nullopt;
          if (l.item && !number && last_number > 0) number = ++last_number;  // ". Uppföljning": lost, inferred
          start_item(i, number, l.item ? l.item->title : t);
          return;
        }
        break;  // a numbered list inside an item: its text
      case Role::label:
        if (!current) return;
        if (l.label.label == Label::presenter && !current->presenter) {
          auto names = parse_people(l.label.rest);
          current->presenter = names.empty() ? collapse_spaces(l.label.rest) : names.front().name;
          return;
        }
        if (l.label.label == Label::decision && !l.label.rest.empty()) {
          set_block(Block::decision);
          pending = l.label.rest;
          return;
        }
        break;
      default:
        break;
    }
    if (!current) return;
    if (block == Block::decision || block == Block::reservation) {
      pending += ' ';
      pending += t;
      return;
    }
    if (block == Block::proposal || block == Block::other) {
      add_text(t);
      return;
    }
    // "Kyrkorådet beslutar" on a line of its own, "att …" lines after it: one decision.
    const std::string lower = to_lower(t);
    if (utf8_length(t) < 60 && (lower.size() > 9 && (lower.compare(lower.size() - 8, 8, "beslutar") == 0 ||
                                                     lower.compare(lower.size() - 9, 9, "beslutade") == 0))) {
      set_block(Block::decision);
      pending = t;
      return;
    }
    add_text(t);
  }

  // Decisions written as sentences of an item's text ("Styrelsen beslöt att …").
  void decisions_in_text() {
    for (Item& it : r.items) {
      for (const std::string& s : sentences(it.text)) {
        if (minutes::is_reservation_sentence(s)) {
          if (std::find(it.reservations.begin(), it.reservations.end(), s) == it.reservations.end()) it.reservations.push_back(s);
          continue;
        }
        if (!minutes::is_decision_sentence(s)) continue;
        const bool known = std::any_of(it.decisions.begin(), it.decisions.end(),
                                       [&](const std::string& d) { return d.find(s) != std::string::npos; });
        if (!known) it.decisions.push_back(s);
      }
      while (!it.text.empty() && (it.text.back() == '\n' || it.text.back() == ' ')) it.text.pop_back();
    }
  }
};

// "Nästa möte: tisdag 17 augusti kl. 13.00 i sal Väsman", or an item "Nästa möte" whose text
// gives the date.
void read_next_meeting(const MeetingText& m, Record& r) {
  if (!m.date) return;
  auto read = [&](std::string_view text) -> bool {
    auto d = find_date(text);
    if (!d || d->date == m.date->date) d = find_coming_date(text, m.date->date);
    if (!d) return false;
    NextMeeting next;
    next.date = d->date.iso();
    const std::string after(text.substr(std::min(text.size(), d->end)));
    if (auto t = find_time_range(after)) {
      next.start = t->start;
      std::string place = collapse_spaces(after.substr(std::min(after.size(), t->end_offset)));
      if (place.rfind("i ", 0) == 0) place = place.substr(2);
      while (!place.empty() && (place.back() == '.' || place.back() == ',')) place.pop_back();
      if (!place.empty() && utf8_length(place) <= 60) next.location = place;
    }
    r.next_meeting = next;
    return true;
  };
  const auto& lines = m.lines;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].role == Role::attestation) continue;
    if (auto rest = minutes::next_meeting(lines[i].text)) {
      if (read(*rest)) return;
      for (std::size_t j = i + 1; j < lines.size() && j <= i + 2; ++j)
        if (!lines[j].blank() && read(lines[j].text)) return;
    }
  }
  for (const Item& it : r.items)
    if (minutes::next_meeting(it.title) && read(it.text)) return;
}

}  // namespace

void read_items(MeetingText& m, Record& r) {
  ItemReader reader(m, r);
  for (std::size_t i = m.body; i < m.closing; ++i) reader.read_line(i);
  reader.flush();
  reader.decisions_in_text();
  read_next_meeting(m, r);
}

}  // namespace protokoll::record
