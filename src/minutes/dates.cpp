#include "minutes/dates.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <regex>

#include "text/text_util.hpp"

namespace protokoll {

int parse_month(std::string_view word) {
  std::string w = to_lower(word);
  while (!w.empty() && w.back() == '.') w.pop_back();
  static const std::array<std::pair<const char*, int>, 12> full = {{{"januari", 1},
                                                                     {"februari", 2},
                                                                     {"mars", 3},
                                                                     {"april", 4},
                                                                     {"maj", 5},
                                                                     {"juni", 6},
                                                                     {"juli", 7},
                                                                     {"augusti", 8},
                                                                     {"september", 9},
                                                                     {"oktober", 10},
                                                                     {"november", 11},
                                                                     {"december", 12}}};
  for (auto [name, m] : full) {
    std::string_view n(name);
    if (w == n) return m;
    // Abbreviations: at least three letters of the name ("jan", "sep", "sept", "okt", "nov").
    if (w.size() >= 3 && w.size() < n.size() && n.substr(0, w.size()) == w) return m;
  }
  return 0;
}

namespace {

int two_digit_year(int y) { return y < 100 ? (y < 70 ? 2000 + y : 1900 + y) : y; }

}  // namespace

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool valid_date(int y, int m, int d) {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int limit = days[m - 1];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) limit = 29;
  return d <= limit;
}

int day_of_week(const Date& date) {
  // Sakamoto's method: 0 = Sunday; shifted so that 0 = Monday.
  static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  int y = date.year - (date.month < 3 ? 1 : 0);
  int dow = (y + y / 4 - y / 100 + y / 400 + t[date.month - 1] + date.day) % 7;
  return (dow + 6) % 7;
}

int parse_weekday(std::string_view word) {
  std::string w = to_lower(word);
  static const std::array<const char*, 7> names = {"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag",
                                                   "söndag"};
  for (int i = 0; i < 7; ++i) {
    std::string_view n(names[static_cast<std::size_t>(i)]);
    if (w.rfind(n, 0) == 0 && (w.size() == n.size() || w.substr(n.size()) == "en")) return i;
    if (w.size() >= 3 && w.size() <= 4 && n.substr(0, w.size()) == w) return i;  // "tis", "ons"
  }
  return -1;
}

std::optional<DateMatch> find_date(std::string_view text) {
  // std::regex recurses per character: search a long text's first part only.
  text = text.substr(0, std::min<std::size_t>(text.size(), 2000));
  // Every form below has a day and a year in digits, two numbers at least; most lines of
  // minutes have fewer ("1. Beslut", "§ 12", "kl 13"), and the regexes are the slowest part
  // of segmenting an archive.
  std::size_t numbers = 0;
  for (std::size_t i = 0; i < text.size() && numbers < 2; ++i)
    if (text[i] >= '0' && text[i] <= '9' && (i == 0 || text[i - 1] < '0' || text[i - 1] > '9')) ++numbers;
  if (numbers < 2) return std::nullopt;
  const std::string s(text);
  // Longest, least ambiguous forms first; the earliest match in the text wins.
  static const std::regex iso(R"((^|[^\d])((?:19|20)\d\d)-(\d\d?)-(\d\d?)(?!\d))");
  static const std::regex written(
      R"((?:([A-Za-zÅÄÖåäö]+dag(?:en)?)\s+(?:den\s+)?)?(\d{1,2})(?:\s*:e|\.)?\s+([A-Za-zÅÄÖåäö]{3,9}\.?)\s+((?:19|20)\d\d|'?\d\d)(?!\d))",
      std::regex::icase);
  static const std::regex numeric(R"((^|[^\d/.])(\d{1,2})[/.](\d{1,2})[ .,/-]\s*((?:19|20)\d\d)(?!\d))");
  std::optional<DateMatch> best;
  auto consider = [&](DateMatch m) {
    if (!best || m.begin < best->begin) best = std::move(m);
  };
  for (std::sregex_iterator it(s.begin(), s.end(), iso), end; it != end; ++it) {
    const auto& m = *it;
    Date d{std::stoi(m[2]), std::stoi(m[3]), std::stoi(m[4])};
    if (!valid_date(d.year, d.month, d.day)) continue;
    consider(DateMatch{d, static_cast<std::size_t>(m.position(2)), static_cast<std::size_t>(m.position(0) + m.length(0)), "", false});
    break;
  }
  for (std::sregex_iterator it(s.begin(), s.end(), written), end; it != end; ++it) {
    const auto& m = *it;
    int month = parse_month(m.str(3));
    if (!month) continue;
    std::string ys = m.str(4);
    bool short_year = ys.size() <= 3;
    if (!ys.empty() && ys[0] == '\'') ys.erase(0, 1);
    Date d{two_digit_year(std::stoi(ys)), month, std::stoi(m[2])};
    if (!valid_date(d.year, d.month, d.day)) continue;
    std::string weekday = m[1].matched && parse_weekday(m.str(1)) >= 0 ? m.str(1) : "";
    std::size_t begin = static_cast<std::size_t>(weekday.empty() ? m.position(2) : m.position(1));
    consider(DateMatch{d, begin, static_cast<std::size_t>(m.position(0) + m.length(0)), weekday, short_year});
    break;
  }
  for (std::sregex_iterator it(s.begin(), s.end(), numeric), end; it != end; ++it) {
    const auto& m = *it;
    // Swedish numeric dates put the day first: 14/3 2023.
    Date d{std::stoi(m[4]), std::stoi(m[3]), std::stoi(m[2])};
    if (!valid_date(d.year, d.month, d.day)) continue;
    bool ambiguous = d.day <= 12 && d.month <= 12 && d.day != d.month;
    consider(DateMatch{d, static_cast<std::size_t>(m.position(2)), static_cast<std::size_t>(m.position(0) + m.length(0)), "", ambiguous});
    break;
  }
  if (best && best->weekday.empty()) {
    // A weekday written just before the date: "Tisdagen den 9 jan", "måndag 6 mars".
    std::string before = to_lower(s.substr(0, best->begin));
    static const std::regex wd(R"(([a-zåäö]+dag(?:en)?)\s*(?:den\s*)?,?\s*$)");
    std::smatch m;
    if (std::regex_search(before, m, wd) && parse_weekday(m.str(1)) >= 0) {
      best->weekday = s.substr(static_cast<std::size_t>(m.position(1)), static_cast<std::size_t>(m.length(1)));
    }
  }
  return best;
}

std::optional<TimeRange> find_time_range(std::string_view text) {
  const std::string s(text.substr(0, std::min<std::size_t>(text.size(), 2000)));
  static const std::regex range(
      R"((^|[^\d.:])(?:kl\.?\s*)?([01]?\d|2[0-3])[.:]([0-5]\d)(?:\s*(?:(?:-|–|—)+|till|to)\s*(?:kl\.?\s*)?([01]?\d|2[0-3])(?:[.:]([0-5]\d))?)?(?![\d]))",
      std::regex::icase);
  static const std::regex bare(R"((^|\s)kl\.?\s*([01]?\d|2[0-3])(?:\s*(?:-|–)\s*([01]?\d|2[0-3]))?(?![\d.:]))",
                               std::regex::icase);
  auto hhmm = [](const std::string& h, const std::string& m) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", std::stoi(h), m.empty() ? 0 : std::stoi(m));
    return std::string(buf);
  };
  std::smatch m;
  if (std::regex_search(s, m, range)) {
    TimeRange t;
    t.start = hhmm(m.str(2), m.str(3));
    if (m[4].matched) t.end = hhmm(m.str(4), m.str(5));
    t.begin = static_cast<std::size_t>(m.position(2));
    t.end_offset = static_cast<std::size_t>(m.position(0) + m.length(0));
    return t;
  }
  if (std::regex_search(s, m, bare)) {
    TimeRange t;
    t.start = hhmm(m.str(2), "");
    if (m[3].matched) t.end = hhmm(m.str(3), "");
    t.begin = static_cast<std::size_t>(m.position(2));
    t.end_offset = static_cast<std::size_t>(m.position(0) + m.length(0));
    return t;
  }
  return std::nullopt;
}

}  // namespace protokoll
