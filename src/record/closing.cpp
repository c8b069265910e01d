// Who kept the minutes, chaired and adjusted them, as the closing and the elections say: the
// signatures ("Vid protokollet", "Justeras", names over or under their roles), and the items
// that elect a meeting chair, a secretary or adjusters ("Till mötesordförande valdes …").
#include <algorithm>

#include "record/parts.hpp"
#include "text/chars.hpp"
#include "text/text_util.hpp"

namespace protokoll::record {
namespace {

using minutes::Label;

enum class Duty { none, chair, secretary, adjuster, signs };  // signs: "Justeras" (chair or adjuster)

// A word as OCR may have left it: lower case, å/ä/ö/é as a/o/e, 6 and 0 as o.
std::string folded(std::string_view raw) {
  std::string out;
  for (char32_t c : to_u32(to_lower(raw))) {
    const char32_t a = c == U'6' || c == U'0' ? U'o' : ascii_letter(c);
    if (a < 0x80) out += static_cast<char>(a);
  }
  return out;
}

Duty duty_of(std::string_view raw) {
  std::string l = folded(collapse_spaces(raw));
  while (!l.empty() && (l.back() == ':' || l.back() == '.' || l.back() == ',')) l.pop_back();
  static const std::vector<std::pair<std::string, Duty>> words = {
      {"ordforande", Duty::chair}, {"motesordforande", Duty::chair}, {"stammoordforande", Duty::chair},
      {"ordf", Duty::chair}, {"sekreterare", Duty::secretary}, {"motessekreterare", Duty::secretary},
      {"protokollforare", Duty::secretary}, {"vid protokollet", Duty::secretary}, {"vid anteckningarna", Duty::secretary},
      {"vid pennan", Duty::secretary}, {"sekr", Duty::secretary}, {"justerare", Duty::adjuster},
      {"justerande", Duty::adjuster}, {"justeringsperson", Duty::adjuster}, {"justeras", Duty::signs},
      {"underskrifter", Duty::signs}};
  for (const auto& [w, d] : words)
    if (l == w) return d;
  // One letter OCR got wrong in a long word ("Ordférande" folds to "ordferande").
  for (const auto& [w, d] : words)
    if (w.size() >= 8 && l.size() + 1 >= w.size() && l.size() <= w.size() + 1 && edit_distance(l, w) <= 1) return d;
  return Duty::none;
}

Duty duty_of_role(const std::optional<std::string>& role) {
  if (!role) return Duty::none;
  if (minutes::is_chair_note(*role)) return Duty::chair;
  if (minutes::is_secretary_note(*role)) return Duty::secretary;
  if (minutes::is_adjuster_note(*role)) return Duty::adjuster;
  return Duty::none;
}

struct Signed {
  std::vector<std::string> chair, secretary, adjusters, signs;
  void add(Duty d, const std::string& name) {
    auto& list = d == Duty::chair ? chair : d == Duty::secretary ? secretary : d == Duty::adjuster ? adjusters : signs;
    if (d != Duty::none && std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
  }
};

// A cell of a signature row: a role, names (with their own roles, "Anna Ek, ordförande"), or a
// field with a name ("Sekreterare: Niklas Söderberg", "Vid protokollet: Linnea Sjögren").
struct Cell {
  std::vector<Duty> duties;                 // roles standing alone
  std::vector<PersonEntry> people;          // names
  Duty labelled = Duty::none;               // the duty a field gives its names
};

Cell read_cell(const MeetingLine& line) {
  Cell c;
  std::string t = line.text;
  // Several roles in one cell whose spaces OCR lost ("Ordförande Justerare").
  bool all_duties = true;
  std::vector<Duty> duties;
  for (std::size_t i = 0; i <= t.size();) {
    std::size_t j = t.find(' ', i);
    if (j == std::string::npos) j = t.size();
    const Duty d = duty_of(t.substr(i, j - i));
    if (d == Duty::none) all_duties = false;
    else duties.push_back(d);
    i = j + 1;
  }
  if (const Duty d = duty_of(t); d != Duty::none) {
    c.duties.push_back(d);
    return c;
  }
  if (all_duties && !duties.empty() && to_lower(t) != "vid protokollet") {
    c.duties = duties;
    return c;
  }
  // Fields whose columns OCR ran together: "Vid protokollet: Justeras:".
  if (!t.empty() && t.back() == ':') {
    std::vector<Duty> fields;
    std::size_t from = 0;
    for (std::size_t colon; (colon = t.find(':', from)) != std::string::npos; from = colon + 1)
      fields.push_back(duty_of(t.substr(from, colon - from)));
    if (fields.size() > 1 && std::none_of(fields.begin(), fields.end(), [](Duty d) { return d == Duty::none; })) {
      c.duties = fields;
      return c;
    }
  }
  if (auto rest = minutes::closing_secretary(t)) {
    c.labelled = Duty::secretary;
    if (rest->empty()) c.duties.push_back(Duty::secretary);
    else c.people = parse_people(*rest);
    return c;
  }
  if (line.role == Role::label) {
    const Label lab = line.label.label;
    c.labelled = lab == Label::secretary ? Duty::secretary : lab == Label::chair ? Duty::chair
                 : lab == Label::adjusters ? (to_lower(t).rfind("justeras", 0) == 0 ? Duty::signs : Duty::adjuster)
                                           : Duty::none;
    if (c.labelled == Duty::none) return c;
    if (line.label.rest.empty()) c.duties.push_back(c.labelled);
    else c.people = parse_people(line.label.rest);
    return c;
  }
  if (line.role == Role::text && utf8_length(t) <= 80) c.people = parse_people(t);
  return c;
}

void assign(Signed& s, Duty d, const PersonEntry& p) {
  const Duty own = duty_of_role(p.role);
  s.add(own != Duty::none ? own : d, p.name);
}

// The signature rows: names paired with the roles above or below them, column by column. A row
// whose spaces OCR lost is one cell with several names: it is shared out by the roles' count.
void read_signatures(const MeetingText& m, Signed& s) {
  const auto& lines = m.lines;
  struct Row {
    std::vector<Duty> roles;
    std::vector<PersonEntry> names;
    std::string text;  // the row as one text, when it is one cell
  };
  auto pair = [&](const std::vector<Duty>& roles, Row& names) {
    if (names.names.size() == 1 && roles.size() > 1 && !names.text.empty()) {
      auto split = split_names(names.text, roles.size());
      if (!split.empty()) {
        names.names.clear();
        for (auto& n : split) names.names.push_back(PersonEntry{n, {}, {}, {}, {}, {}, {}});
      }
    }
    if (roles.size() != 1 && roles.size() != names.names.size()) return false;
    for (std::size_t k = 0; k < names.names.size(); ++k) assign(s, roles[roles.size() == 1 ? 0 : k], names.names[k]);
    return true;
  };
  std::optional<Row> roles_above, names_above;
  bool in_block = false;
  for (std::size_t i = 0; i < lines.size();) {
    const std::size_t row = lines[i].row;
    std::size_t end = i;
    while (end < lines.size() && lines[end].row == row) ++end;
    const bool closing = i >= m.closing;
    if (lines[i].role == Role::signature) in_block = true;
    if (lines[i].page_start && !closing) in_block = lines[i].role == Role::signature;
    if ((!closing && !in_block) || lines[i].role == Role::attestation || lines[i].role == Role::furniture ||
        lines[i].blank()) {
      i = end;
      continue;
    }
    Row r;
    for (std::size_t k = i; k < end; ++k) {
      Cell c = read_cell(lines[k]);
      for (Duty d : c.duties) r.roles.push_back(d);
      for (auto& p : c.people) {
        if (c.labelled != Duty::none) assign(s, c.labelled, p);
        else r.names.push_back(p);
      }
    }
    if (end == i + 1) r.text = lines[i].text;
    if (!r.roles.empty() && r.names.empty()) {
      if (names_above && pair(r.roles, *names_above)) {
        names_above.reset();
        roles_above.reset();
      } else {
        roles_above = r;
        names_above.reset();
      }
    } else if (!r.names.empty()) {
      if (roles_above && pair(roles_above->roles, r)) {
        roles_above.reset();
      } else {
        for (auto& p : r.names)
          if (duty_of_role(p.role) != Duty::none) assign(s, Duty::none, p);
        names_above = r;
      }
    } else {
      roles_above.reset();
      names_above.reset();
    }
    i = end;
  }
}

// Elections written as sentences: "Till mötesordförande valdes Gun Lindahl och till
// mötessekreterare valdes Erik Nyqvist", "Kristina Nord valdes att jämte ordföranden justera
// protokollet", "Stämmoordföranden anmälde att hon utsett Jonas Bäckström till protokollförare".
void read_elections(const Record& r, Signed& s) {
  auto elects = [](std::string_view text) {
    for (std::string_view v : {"valdes", "utsågs", "utses", "väljs", "utsett", "utsåg", "valts", "omvaldes"})
      if (text.find(v) != std::string::npos) return true;
    return false;
  };
  for (const Item& it : r.items) {
    // An election is a decision: the item's decisions and its title are where to look.
    std::vector<std::string> texts = it.decisions;
    texts.push_back(it.title);
    for (const std::string& sentence : texts) {
      if (!elects(sentence)) continue;
      // One clause an election: "… valdes X och till mötessekreterare valdes Y".
      std::vector<std::string> clauses;
      std::string rest = sentence;
      for (std::size_t pos; (pos = rest.find(" och till ")) != std::string::npos;) {
        clauses.push_back(rest.substr(0, pos));
        rest = rest.substr(pos + 4);
      }
      clauses.push_back(rest);
      for (const std::string& clause : clauses) {
        if (!elects(clause)) continue;
        const std::string lower = to_lower(clause);
        const auto names = names_in(clause);
        if (names.empty()) continue;
        if (lower.find("justera") != std::string::npos || lower.find("justeringsm") != std::string::npos) {
          for (const auto& n : names) s.add(Duty::adjuster, n);
        } else if (lower.find("mötesordförande") != std::string::npos || lower.find("stämmoordförande") != std::string::npos ||
                   lower.find("till ordförande för ") != std::string::npos ||
                   lower.find("till ordförande vid ") != std::string::npos) {
          s.add(Duty::chair, names.front());
        } else if (lower.find("sekreterare") != std::string::npos || lower.find("protokollförare") != std::string::npos) {
          s.add(Duty::secretary, names.front());
        }
      }
    }
  }
}

}  // namespace

void read_closing(const MeetingText& m, Record& r) {
  Signed signatures, elected;
  read_signatures(m, signatures);
  read_elections(r, elected);
  // The chair the meeting elected, else the header's, else who signed as chair.
  if (!elected.chair.empty()) r.chair = elected.chair.front();
  else if (!r.chair && !signatures.chair.empty()) r.chair = signatures.chair.front();
  // The secretary who signed the minutes, else the one elected, else the header's.
  if (!signatures.secretary.empty()) r.secretary = signatures.secretary.front();
  else if (!elected.secretary.empty()) r.secretary = elected.secretary.front();
  // Adjusters: the header's, else those elected, else who signed as such; of those who sign
  // under "Justeras", the chair only when no one else does.
  if (r.adjusters.empty()) r.adjusters = elected.adjusters;
  if (r.adjusters.empty()) r.adjusters = signatures.adjusters;
  if (r.adjusters.empty()) {
    for (const auto& n : signatures.signs)
      if (!r.chair || n != *r.chair) r.adjusters.push_back(n);
    if (r.adjusters.empty()) r.adjusters = signatures.signs;
  }
}

}  // namespace protokoll::record
