#include "protokoll/segment.hpp"

#include <gtest/gtest.h>

#include "text/text_util.hpp"
#include "test_util.hpp"

using namespace protokoll;
using namespace protokoll::testing;

namespace {
// The lines of a text as they stand in a stream, as document `document` (the text must outlive
// the stream: lines are views).
void append(std::vector<StreamLine>& stream, const std::string& text, std::uint32_t document) {
  std::uint32_t i = 0;
  for (auto l : split_lines(text)) stream.push_back(StreamLine{l, document, 0, i++, 1});
}
}  // namespace

TEST(Segment, TwoMeetingsInOneStreamSplitAtTheHeaderBlock) {
  std::vector<StreamLine> stream;
  const std::string both =
      slurp(source_path("samples/legacy/000.gold.txt")) + slurp(source_path("samples/legacy/001.gold.txt"));
  append(stream, both, 0);  // one file, no file boundary to help
  auto segments = segment_meetings(stream);
  ASSERT_EQ(segments.size(), 2u);
  EXPECT_EQ(segments[0].begin, 0u);
  // The second meeting starts at its organisation line, not at its date line.
  EXPECT_NE(stream[segments[1].begin].text.find("Skol och fritidsförvaltningen 2024-01-09"), std::string::npos)
      << stream[segments[1].begin].text;
  EXPECT_EQ(segments[1].end, stream.size());
}

TEST(Segment, PagesOfOneMeetingInSeveralFilesStayTogether) {
  std::vector<StreamLine> stream;
  std::string text = slurp(source_path("samples/legacy/001.gold.txt"));
  auto lines = split_lines(text);
  // Page 2 of the meeting (from " 4. Dilemman") arrives as a second file.
  std::size_t i = 0;
  for (; i < lines.size() && lines[i].find("4. Dilemman") == std::string_view::npos; ++i)
    stream.push_back(StreamLine{lines[i], 0, 0, static_cast<std::uint32_t>(i), 1});
  for (; i < lines.size(); ++i) stream.push_back(StreamLine{lines[i], 1, 0, static_cast<std::uint32_t>(i), 1});
  auto segments = segment_meetings(stream);
  ASSERT_EQ(segments.size(), 1u);
}

TEST(Segment, AnotherDateInTheHeaderIsNotANewMeeting) {
  std::vector<StreamLine> stream;
  const std::string text = slurp(source_path("samples/pages/ks-au-2023-03-14.source.txt"));
  append(stream, text, 0);
  EXPECT_EQ(segment_meetings(stream).size(), 1u);  // "Justeringens plats och tid: ... 2023-03-16"
}

TEST(Segment, EmptyAndUndatedStreams) {
  EXPECT_TRUE(segment_meetings({}).empty());
  std::vector<StreamLine> stream;
  const std::string text = "Anteckningar utan datum\nNågot hände.\n";
  append(stream, text, 0);
  EXPECT_EQ(segment_meetings(stream).size(), 1u);
}

namespace {
std::size_t meetings_in(const std::string& text) {
  std::vector<StreamLine> stream;
  append(stream, text, 0);
  return segment_meetings(stream).size();
}
}  // namespace

// A meeting starts at a header block, never at a date inside the minutes.
TEST(Segment, DatesInsideAMeetingStartNoMeeting) {
  const std::string formal = slurp(source_path("samples/minutes/dev/02-socialnamnd-ludvika.source.txt"));
  EXPECT_EQ(meetings_in(formal), 1u);  // "§ 32 Delårsrapport per den 30 april 2021", "att gälla från och med den 1 juli 2021", an anslagsbevis
  EXPECT_EQ(meetings_in("Styrelsen\nDatum: 2023-09-14\nPlats: Kansliet\n\n1. Avgifter\nAvgifterna höjs\nfrån och med den 1 januari 2024\n\n"
                        "2. Nästa möte\nTisdag 9 januari 2024 kl. 18.30.\n\nJusteras: Anna Ek\n"),
            1u);
}

TEST(Segment, TwoCopiesOfOneMeetingAreTwoAndTheSignaturesStayBehind) {
  const std::string one = slurp(source_path("samples/minutes/dev/05-brf-linden.source.txt"));
  std::vector<StreamLine> stream;
  append(stream, one, 0);
  append(stream, one, 1);  // the same minutes in a second file
  const auto segments = segment_meetings(stream);
  ASSERT_EQ(segments.size(), 2u);
  // The second begins with its own title, not with the first one's "Justeras: …".
  EXPECT_EQ(stream[segments[1].begin].text, "Brf Linden i Sundbyberg");
  EXPECT_EQ(stream[segments[0].end - 1].text, "Justeras: Susanne Ågren");
}

// The last page of a meeting whose text holds a date ("1 juni–15 augusti 2022"): the next page's
// header is the next meeting's evidence, not that date's.
TEST(Segment, ADateOnTheLastPageBorrowsNoHeaderFromTheNextPage) {
  std::vector<Document> docs(1);
  docs[0].pages = pages_from_text(
      "Miljönämnden\nProtokoll\nDatum: 2022-08-30\nPlats: Kommunhuset\n\n§ 1\nDagordningen\nGodkänns.\n\f"
      "Miljönämnden       Sammanträdesdatum 2022-08-30       2 (2)\n\n§ 2\nDelegationsbeslut\n\n"
      "Redovisning av delegationsbeslut under perioden 1 juni–15 augusti 2022.\n\nJusterandes sign\n\f"
      "Kommunstyrelsen\nProtokoll\nDatum: 2023-01-24\nPlats: Stadshuset\nNärvarande: Glenn Nordlund, Ulla Borg\n\n§ 1\nVal av justerare\n");
  const auto stream = stream_lines(docs);
  const auto segments = segment_meetings(stream);
  ASSERT_EQ(segments.size(), 2u);
  EXPECT_EQ(stream[segments[1].begin].text, "Kommunstyrelsen");
}
