// A meeting's lines as the extractor reads them, and the small text helpers of the readers.
#include <regex>

#include "minutes/vocabulary.hpp"
#include "record/parts.hpp"
#include "text/chars.hpp"
#include "text/text_util.hpp"

namespace protokoll::record {

namespace {

// Where a second label starts inside a line ("Marie Krantz (sekr) Frånvarande: Christian Olsson").
std::size_t embedded_label(const std::string& line) {
  for (std::string_view word : {"Frånvarande:", "Ej närvarande:", "Sekreterare:", "Ordförande:", "Justerare:",
                                "Plats:", "Tid:", "Övriga närvarande:", "Ersättare:", "Förhinder:"}) {
    auto pos = line.find(word);
    if (pos != std::string::npos && pos > 0) return pos;
  }
  return std::string::npos;
}

}  // namespace

bool is_url_line(std::string_view line) {
  std::string l = to_lower(trim(line));
  return l.rfind("http", 0) == 0 || l.rfind("www.", 0) == 0;
}

bool is_furniture(std::string_view raw) {
  if (raw.size() > minutes::kMaxFieldLine) return false;
  std::string l = to_lower(trim(raw));
  static const std::regex page(R"(^(sida|sid|s\.)?\s*\d+\s*(\(|av|/)\s*\d+\)?$)");
  if (std::regex_match(l, page)) return true;
  if (is_url_line(l)) return true;
  static const std::regex site(R"(^[a-z0-9.-]+\.(se|nu|com|org)$)");
  return std::regex_match(l, site);
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : trim(s)) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string slug(std::string_view s) {
  std::string out;
  for (char32_t c : to_u32(to_lower(s))) {
    const char32_t m = ascii_letter(c);
    if ((m >= U'a' && m <= U'z') || (m >= U'0' && m <= U'9')) out += static_cast<char>(m);
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.substr(0, 48);
}

MeetingText meeting_text(std::span<const StreamLine> meeting, Record& r) {
  MeetingText m;
  std::vector<std::string>& lines = m.lines;
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
    std::string s(meeting[i].text);
    // A line carrying two fields is read as two lines.
    for (std::size_t pos; (pos = embedded_label(s)) != std::string::npos;) {
      lines.push_back(s.substr(0, pos));
      s = s.substr(pos);
    }
    lines.push_back(s);
  }

  // Where the body (sections and items) begins: the first section heading or numbered item.
  std::size_t& body = m.body;
  body = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (minutes::match_section(lines[i]) || minutes::match_item(lines[i])) {
      body = i;
      break;
    }
  }

  return m;
}

}  // namespace protokoll::record
