// Record extraction on the gold texts: every field against the gold JSON, and every record
// validated against docs/record.schema.json.
#include "protokoll/record.hpp"

#include <gtest/gtest.h>

#include "minutes/vocabulary.hpp"
#include "schema_validator.hpp"
#include "test_util.hpp"

using namespace protokoll;
using namespace protokoll::testing;
using nlohmann::json;

namespace {
void expect_valid(const Record& r) {
  static const json schema = json::parse(slurp(source_path("docs/record.schema.json")));
  std::vector<std::string> errors;
  validate_schema(schema, json::parse(r.to_json().dump()), "$", errors);
  for (const auto& e : errors) ADD_FAILURE() << e;
}

void expect_matches_gold(const std::string& text_path, const std::string& gold_path) {
  Record r = extract_record(slurp(source_path(text_path)));
  json gold = json::parse(slurp(source_path(gold_path)));
  expect_valid(r);
  EXPECT_EQ(r.date.value_or(""), gold["date"].get<std::string>());
  EXPECT_EQ(r.start.value_or(""), gold["start"].get<std::string>());
  EXPECT_EQ(r.end.value_or(""), gold["end"].get<std::string>());
  EXPECT_EQ(r.location.value_or(""), gold["location"].get<std::string>());
  std::vector<std::string> names, absent, titles;
  for (const auto& p : r.participants) names.push_back(p.name);
  for (const auto& a : r.absent) absent.push_back(a.name);
  for (const auto& i : r.items) titles.push_back(i.title);
  EXPECT_EQ(names, gold["participants"].get<std::vector<std::string>>());
  EXPECT_EQ(absent, gold["absent"].get<std::vector<std::string>>());
  EXPECT_EQ(titles, gold["items"].get<std::vector<std::string>>());
  if (gold["secretary"].is_null()) EXPECT_FALSE(r.secretary) << *r.secretary;
  else EXPECT_EQ(r.secretary.value_or(""), gold["secretary"].get<std::string>());
  bool mismatch = false;
  for (const auto& w : r.warnings) mismatch = mismatch || w.code == "weekday-mismatch";
  EXPECT_EQ(mismatch, gold["weekday_mismatch"].get<bool>());
}
}  // namespace

TEST(Record, DevMeeting000) { expect_matches_gold("samples/legacy/000.gold.txt", "samples/legacy/000.gold.json"); }
TEST(Record, DevMeeting001) { expect_matches_gold("samples/legacy/001.gold.txt", "samples/legacy/001.gold.json"); }
TEST(Record, FormalMunicipalMinutes) {
  expect_matches_gold("samples/pages/ks-au-2023-03-14.source.txt", "samples/pages/ks-au-2023-03-14.gold.json");
}
TEST(Record, WorkplaceNotesWithUnnumberedHeadings) {
  expect_matches_gold("samples/pages/apt-solrosen-2024-02-06.source.txt", "samples/pages/apt-solrosen-2024-02-06.gold.json");
}

TEST(Record, RolesPartiesGroupsAdjustersAndDecisions) {
  Record r = extract_record(slurp(source_path("samples/pages/ks-au-2023-03-14.source.txt")));
  ASSERT_GE(r.participants.size(), 7u);
  EXPECT_EQ(r.participants[0].name, "Åsa Lindström");
  EXPECT_EQ(r.participants[0].party.value_or(""), "S");
  EXPECT_EQ(r.participants[0].role.value_or(""), "ordförande");
  EXPECT_EQ(r.chair.value_or(""), "Åsa Lindström");
  EXPECT_EQ(r.participants[5].group.value_or(""), "övriga");
  EXPECT_EQ(r.participants[5].role.value_or(""), "kommundirektör");
  ASSERT_EQ(r.adjusters.size(), 1u);
  EXPECT_EQ(r.adjusters[0], "Göran Sjöström");
  ASSERT_EQ(r.items.size(), 5u);
  EXPECT_EQ(r.items[2].number.value_or(0), 33);
  EXPECT_EQ(r.items[2].presenter.value_or(""), "Per-Erik Åkesson");
  ASSERT_EQ(r.items[2].decisions.size(), 1u);
  EXPECT_NE(r.items[2].decisions[0].find("återkomma med åtgärder i april"), std::string::npos);
  EXPECT_EQ(r.id, "2023-03-14-kommunstyrelsens-arbetsutskott");
}

TEST(Record, SectionsInferredNumbersAndGroups) {
  Record r = extract_record(slurp(source_path("samples/legacy/000.gold.txt")));
  ASSERT_EQ(r.items.size(), 6u);
  EXPECT_EQ(r.items[0].section.value_or(""), "beslut");
  EXPECT_EQ(r.items[1].section.value_or(""), "information");
  EXPECT_EQ(r.items[2].number.value_or(0), 3);  // ". Uppföljning": the number OCR lost
  EXPECT_EQ(r.items[3].number.value_or(0), 4);
  EXPECT_EQ(r.items[2].presenter.value_or(""), "Christine Jonsson");
  ASSERT_EQ(r.items[0].decisions.size(), 1u);
  EXPECT_EQ(r.weekday.value_or(""), "Tisdagen");
  Record s = extract_record(slurp(source_path("samples/legacy/001.gold.txt")));
  ASSERT_FALSE(s.participants.empty());
  EXPECT_EQ(s.participants[0].group.value_or(""), "LG");
  EXPECT_EQ(s.participants[4].name, "Karin Gerken");  // wrapped over two lines
}

TEST(Record, ListsWrapInsideNamesAndRoles) {
  Record r = extract_record(
      "Nämnden\nMåndagen den 6 mars 2023, kl. 18.30\n"
      "Närvarande ledamöter: Göran Persson (S), ordförande, Märta Sjöholm (M), vice\n"
      "ordförande, Örjan Nyström (C), Karin\nGerken\n\n§ 1 Öppnande\n");
  ASSERT_EQ(r.participants.size(), 4u);
  EXPECT_EQ(r.participants[1].name, "Märta Sjöholm");
  EXPECT_EQ(r.participants[1].role.value_or(""), "vice ordförande");
  EXPECT_EQ(r.participants[1].party.value_or(""), "M");
  EXPECT_EQ(r.participants[3].name, "Karin Gerken");
  EXPECT_EQ(r.chair.value_or(""), "Göran Persson");
}

TEST(Record, PageFurnitureIsNotPartOfFields) {
  Record r = extract_record(
      "Barn- och utbildningsförvaltningen\nLedningsgrupp\nTisdagen den 9 jan 2024, 12.00-16.00\nPlats: Jupiter\n\n"
      "1. Budget\nFörvaltningen redovisade läget.\nSida 1 av 2\n\f"
      "Barn- och utbildningsförvaltningen\nhelsingborg.se\nBudgeten följs upp i mars.\n"
      "2. Övrigt\nInget.\nhttps://example.se/dokument.pptx\n");
  ASSERT_EQ(r.items.size(), 2u);
  EXPECT_EQ(r.items[0].text, "Förvaltningen redovisade läget. Budgeten följs upp i mars.");
  EXPECT_EQ(r.items[1].title, "Övrigt");
  EXPECT_EQ(r.items[1].text, "Inget.");
  EXPECT_EQ(r.body.value_or(""), "Ledningsgrupp");
  EXPECT_EQ(r.organization.value_or(""), "Barn- och utbildningsförvaltningen");
}

TEST(Record, WarningsAndMissingFields) {
  Record r = extract_record("Styrelsemöte\nMåndagen den 7 mars 2023, kl. 18.30\nPlats: Kansliet\n\n§ 1 Öppnande\n§ 3 Avslutning\n");
  bool weekday = false, gap = false;
  for (const auto& w : r.warnings) {
    weekday = weekday || w.code == "weekday-mismatch";
    gap = gap || w.code == "items-numbering-gap";
  }
  EXPECT_TRUE(weekday);  // 2023-03-07 is a Tuesday
  EXPECT_TRUE(gap);
  EXPECT_FALSE(r.end);
  EXPECT_TRUE(r.absent.empty());
  expect_valid(r);
  Record none = extract_record("Anteckningar\nInget datum här.\n");
  EXPECT_FALSE(none.date);
  ASSERT_FALSE(none.warnings.empty());
  EXPECT_EQ(none.warnings[0].code, "no-date");
  EXPECT_EQ(none.id.substr(0, 8), "undated-");
  expect_valid(none);
}

