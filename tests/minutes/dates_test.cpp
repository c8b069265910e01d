#include "minutes/dates.hpp"

#include <gtest/gtest.h>

using namespace protokoll;

struct DateCase {
  const char* text;
  const char* iso;
  const char* weekday;
};
// Printed in test names, so that ctest lists the text rather than the struct's bytes.
void PrintTo(const DateCase& c, std::ostream* os) { *os << '"' << c.text << '"'; }

class FindDate : public ::testing::TestWithParam<DateCase> {};

TEST_P(FindDate, ReadsSwedishForms) {
  auto m = find_date(GetParam().text);
  ASSERT_TRUE(m) << GetParam().text;
  EXPECT_EQ(m->date.iso(), GetParam().iso) << GetParam().text;
  EXPECT_EQ(m->weekday, GetParam().weekday) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, FindDate,
    ::testing::Values(DateCase{"Sammanträdesdatum 2023-03-14", "2023-03-14", ""},
                      DateCase{"14 mars 2023", "2023-03-14", ""},
                      DateCase{"måndagen den 6 mars 2023", "2023-03-06", "måndagen"},
                      DateCase{"Tisdagen den 9 jan 2024, 12.00-16.00", "2024-01-09", "Tisdagen"},
                      DateCase{"Tisdagen den 23 nov 2021, 13.00-16.00", "2021-11-23", "Tisdagen"},
                      DateCase{"14/3 2023", "2023-03-14", ""},
                      DateCase{"Datum: 5 sept. 2022", "2022-09-05", ""},
                      DateCase{"den 12 okt 2020 kl 9", "2020-10-12", ""},
                      DateCase{"Datum: tisdag 6 februari 2024", "2024-02-06", "tisdag"},
                      DateCase{"Skol och fritidsförvaltningen 2024-01-09", "2024-01-09", ""}));

TEST(FindDate, RejectsNonDates) {
  EXPECT_FALSE(find_date("Testet utvärderas sedan i juni -22."));
  EXPECT_FALSE(find_date("85,4 % svarsfrekvens"));
  EXPECT_FALSE(find_date("2023-02-30"));  // no such day
  EXPECT_FALSE(find_date("T2 2020 med T2 2021"));
}

TEST(FindDate, NumericDayFirstIsFlaggedAmbiguous) {
  auto m = find_date("Möte 4/5 2023");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->date.iso(), "2023-05-04");
  EXPECT_TRUE(m->ambiguous);
}

TEST(Weekday, CalendarAndWords) {
  EXPECT_EQ(day_of_week(Date{2021, 11, 23}), 1);  // Tuesday
  EXPECT_EQ(day_of_week(Date{2024, 2, 29}), 3);   // Thursday
  EXPECT_EQ(parse_weekday("Tisdagen"), 1);
  EXPECT_EQ(parse_weekday("söndag"), 6);
  EXPECT_EQ(parse_weekday("tis"), 1);
  EXPECT_EQ(parse_weekday("dagen"), -1);
  EXPECT_TRUE(valid_date(2024, 2, 29));
  EXPECT_FALSE(valid_date(2023, 2, 29));
}

struct TimeCase {
  const char* text;
  const char* start;
  const char* end;
};
void PrintTo(const TimeCase& c, std::ostream* os) { *os << '"' << c.text << '"'; }
class FindTime : public ::testing::TestWithParam<TimeCase> {};
TEST_P(FindTime, ReadsRanges) {
  auto t = find_time_range(GetParam().text);
  ASSERT_TRUE(t) << GetParam().text;
  EXPECT_EQ(t->start, GetParam().start);
  EXPECT_EQ(t->end, GetParam().end);
}
INSTANTIATE_TEST_SUITE_P(Forms, FindTime,
                         ::testing::Values(TimeCase{"13.00-16.00", "13:00", "16:00"},
                                           TimeCase{"8.30-16.00", "08:30", "16:00"},
                                           TimeCase{"kl. 18.30–20.15", "18:30", "20:15"},
                                           TimeCase{"15:00–16:30", "15:00", "16:30"},
                                           TimeCase{"Plats och tid: Stadshuset, kl. 08.30", "08:30", ""},
                                           TimeCase{"kl 9", "09:00", ""}));

TEST(FindTime, IgnoresDatesAndNumbers) {
  EXPECT_FALSE(find_time_range("2021-11-23"));
  EXPECT_FALSE(find_time_range("85,4 %"));
  EXPECT_FALSE(find_time_range("1. Beslut"));
}
