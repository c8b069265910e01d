// Swedish dates, weekdays and times as written in minutes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace protokoll {

struct Date {
  int year = 0, month = 0, day = 0;
  std::string iso() const;  ///< "YYYY-MM-DD"
  bool operator==(const Date&) const = default;
};

struct DateMatch {
  Date date;
  std::size_t begin = 0, end = 0;  ///< byte offsets of the match in the searched text
  std::string weekday;             ///< as written just before the date ("Tisdagen"), or ""
  bool ambiguous = false;          ///< e.g. a two-digit year or a numeric form read one way of two
};

/// The first date in the text (its first 2000 bytes): "2023-03-14", "14 mars 2023", "måndagen den 6 mars 2023",
/// "Tisdagen den 9 jan 2024", "14/3 2023", "14.3.2023", abbreviated months ("sep", "sept", "okt").
std::optional<DateMatch> find_date(std::string_view text);

/// A Swedish month name or its abbreviation ("mars", "sept", "okt.") to 1..12, or 0.
int parse_month(std::string_view word);
/// True when y-m-d is a real calendar date.
bool valid_date(int year, int month, int day);
/// 0 = Monday ... 6 = Sunday.
int day_of_week(const Date& d);
/// Swedish weekday word ("tisdag", "tisdagen", "Tis") to 0..6, or -1.
int parse_weekday(std::string_view word);

struct TimeRange {
  std::string start, end;  ///< "HH:MM"; end may be empty
  std::size_t begin = 0, end_offset = 0;
};

/// The first time or time range: "13.00-16.00", "kl. 18.30–20.15", "15:00–16:30", "kl 9".
std::optional<TimeRange> find_time_range(std::string_view text);

}  // namespace protokoll
