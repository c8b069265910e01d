#include "protokoll/eval.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "test_util.hpp"

using namespace protokoll;

TEST(EvalWords, LikeTheYardstick) {
  auto w = eval_words("• Förslag: 85,4 % — VP-uppdragen");
  std::vector<std::string> expected = {"Förslag", "85", "4", "VP", "uppdragen"};
  EXPECT_EQ(w, expected);
}

TEST(ScoreText, WerAndCer) {
  auto s = score_text("för att se", "för att se");
  EXPECT_DOUBLE_EQ(s.wer, 0.0);
  auto t = score_text("for att se", "för att se");
  EXPECT_NEAR(t.wer, 1.0 / 3.0, 1e-9);
  EXPECT_NEAR(t.cer, 1.0 / 10.0, 1e-9);
}

TEST(ScoreText, FixAndBreakRates) {
  // input: two damaged words (for, ar), one intact (att); output fixes one and breaks "att".
  auto s = score_text("för ätt ar", "för att är", std::string_view("for att ar"));
  EXPECT_EQ(s.damaged, 2u);
  EXPECT_EQ(s.fixed, 1u);
  EXPECT_EQ(s.intact, 1u);
  EXPECT_EQ(s.broken, 1u);
  EXPECT_DOUBLE_EQ(*s.fix_rate, 0.5);
  EXPECT_DOUBLE_EQ(*s.break_rate, 1.0);
}

// -- The same numbers as the yardstick (../shared/tools/score.py) on the same files. The
// expected figures in tests/eval/yardstick/ were written by score.py itself (its README has
// the commands); the outputs there are frozen, so a change of scoring, not of repair, fails.
namespace {
using protokoll::testing::slurp;
using protokoll::testing::source_path;

void expect_same(const nlohmann::json& want, const nlohmann::ordered_json& got, const std::string& where) {
  for (const auto& [k, v] : want.items()) {
    ASSERT_TRUE(got.contains(k)) << where << ": no " << k;
    if (v.is_number()) EXPECT_NEAR(got[k].get<double>(), v.get<double>(), 1e-12) << where << ": " << k;
    else if (v.is_object()) expect_same(v, got[k], where + "." + k);
    else EXPECT_EQ(nlohmann::json::parse(got[k].dump()), v) << where << ": " << k;
  }
}
}  // namespace

TEST(Yardstick, TextScoresAreScorePys) {
  const std::vector<std::pair<std::string, std::string>> texts = {
      {"000", "samples/legacy/000"}, {"bun-2023-03-07", "samples/heldout/bun-2023-03-07"}, {"lg-2022-05-17", "samples/heldout/lg-2022-05-17"}};
  for (const auto& [name, base] : texts) {
    const std::string input = slurp(source_path(base + (name == "000" ? ".txt" : ".legacy.txt")));
    const auto s = score_text(slurp(source_path("tests/eval/yardstick/" + name + ".repaired.txt")),
                              slurp(source_path(base + ".gold.txt")), std::string_view(input));
    const auto want = nlohmann::json::parse(slurp(source_path("tests/eval/yardstick/" + name + ".text.score.json")));
    EXPECT_GT(want["damaged"].get<int>(), 0);
    expect_same(want, to_json(s), name);
  }
}

TEST(Yardstick, RecordScoresAreScorePys) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(source_path("samples/minutes/heldout")))
    if (e.path().string().ends_with(".gold.json")) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  std::vector<std::pair<std::string, nlohmann::json>> golds;
  for (const auto& n : names)  // named as the yardstick was given them
    golds.emplace_back("samples/minutes/heldout/" + n, nlohmann::json::parse(slurp(source_path("samples/minutes/heldout/" + n))));
  const auto records = parse_records(slurp(source_path("tests/eval/yardstick/heldout.records.jsonl")));
  const auto got = to_json(score_records(records, golds));
  const auto want = nlohmann::json::parse(slurp(source_path("tests/eval/yardstick/heldout.records.score.json")));
  EXPECT_LT(want["overall"].get<double>(), 1.0);  // imperfect on purpose: every kind of field is exercised
  ASSERT_EQ(got["per_doc"].size(), want["per_doc"].size());
  for (std::size_t i = 0; i < want["per_doc"].size(); ++i) expect_same(want["per_doc"][i], got["per_doc"][i], names[i]);
  expect_same(want["field_mean"], got["field_mean"], "field_mean");
  for (const char* k : {"records", "expected", "extra_records", "overall"}) EXPECT_NEAR(got[k].get<double>(), want[k].get<double>(), 1e-12) << k;
}

TEST(Pool, TextCountsAreSummedAndRatesTakenOverTheSums) {
  const auto a = score_text("för ätt ar", "för att är", std::string_view("for att ar"));
  const auto b = score_text("och så", "och så", std::string_view("och sa"));
  const auto p = pool_text_scores({a, b});
  EXPECT_EQ(p.gold_words, 5u);
  EXPECT_NEAR(p.wer, 2.0 / 5.0, 1e-12);
  EXPECT_EQ(p.damaged, 3u);
  EXPECT_EQ(p.fixed, 2u);
  EXPECT_NEAR(*p.fix_rate, 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(*p.break_rate, 1.0 / 2.0, 1e-12);
  EXPECT_FALSE(pool_text_scores({a, score_text("x", "x")}).fix_rate.has_value());  // one part without its input
}

TEST(Pool, RecordRowsTogether) {
  const nlohmann::json g1 = nlohmann::json::parse(R"({"date":"2024-01-09","start":"18:00","end":null,"location":"A",
    "participants":["Anna Berg"],"absent":[],"secretary":null,"items":["Ekonomi"],"weekday_mismatch":false})");
  nlohmann::json g2 = g1;
  g2["date"] = "2024-02-13";
  nlohmann::json r1 = g1, r2 = g2;
  r2["location"] = "B";
  r2["items"] = nlohmann::json::array({{{"title", "Ekonomi"}}});
  const auto p = pool_record_scores({score_records({r1}, {{"g1", g1}}), score_records({r2, g1}, {{"g2", g2}})});
  EXPECT_EQ(p.per_doc.size(), 2u);
  EXPECT_EQ(p.extra, 1u);  // the second file's record of g1's date has no gold in that file
  const auto field = [&](const std::string& f) {
    for (const auto& [k, v] : p.field_mean)
      if (k == f) return v;
    return -1.0;
  };
  EXPECT_DOUBLE_EQ(field("location"), 0.5);
  EXPECT_DOUBLE_EQ(field("items"), 1.0);
  EXPECT_DOUBLE_EQ(field("segmentation"), 2.0 / 3.0);
}

TEST(ParseRecords, ArrayObjectOrJsonLines) {
  EXPECT_EQ(parse_records("[\n {\"date\": \"2024-01-09\"},\n {\"date\": null}\n]\n").size(), 2u);
  EXPECT_EQ(parse_records("{\"date\": \"2024-01-09\"}").size(), 1u);
  EXPECT_EQ(parse_records("{\"date\":\"a\"}\nnot json\n{\"date\":\"b\"}\n").size(), 2u);
  EXPECT_TRUE(parse_records("\n").empty());
  EXPECT_THROW(parse_records("Protokoll 2024-01-09\n"), std::runtime_error);
}

namespace {
struct Tree {
  std::filesystem::path root = std::filesystem::temp_directory_path() / ("pk-eval-" + std::to_string(::getpid()));
  Tree() { std::filesystem::remove_all(root); }
  ~Tree() { std::filesystem::remove_all(root); }
  std::string put(const std::string& rel) {
    std::filesystem::create_directories((root / rel).parent_path());
    protokoll::testing::write_file((root / rel).string(), "x\n");
    return (root / rel).string();
  }
  std::string at(const std::string& rel) const { return (root / rel).string(); }
};
}  // namespace

TEST(PlanEval, RunOutDirPairsWithGoldFolderByName) {
  Tree t;
  const auto a_txt = t.put("out/in/a.legacy.txt.txt"), a_rec = t.put("out/in/a.legacy.txt.records.json");
  t.put("out/in/a.legacy.txt.changes.jsonl");
  t.put("out/manifest.jsonl");
  const auto stray = t.put("out/in/z.txt");
  const auto ga = t.put("gold/a.gold.txt"), gaj = t.put("gold/a.gold.json"), gbj = t.put("gold/b.gold.json");
  const auto ia = t.put("gold/a.legacy.txt");
  const EvalPlan p = plan_eval(t.at("out"), t.at("gold"), t.at("gold"));
  ASSERT_EQ(p.cases.size(), 3u);
  EXPECT_EQ(p.cases[0].kind, EvalKind::text);
  EXPECT_EQ(p.cases[0].output, a_txt);
  EXPECT_EQ(p.cases[0].gold, ga);
  EXPECT_EQ(p.cases[0].input, ia);
  EXPECT_EQ(p.cases[1].output, a_rec);
  EXPECT_EQ(p.cases[1].gold, gaj);
  EXPECT_EQ(p.cases[2].gold, gbj);  // b has gold but no output: a miss, not left out
  EXPECT_TRUE(p.cases[2].output.empty());
  EXPECT_EQ(p.unpaired, std::vector<std::string>{stray});
}

TEST(PlanEval, OneGoldServesEveryCopyOfItsPage) {
  Tree t;
  t.put("out/s/p.fax.png.txt");
  t.put("out/s/p.office.jpg.txt");
  const auto g = t.put("gold/p.gold.txt");
  t.put("gold/p.source.txt");  // a .gold.txt wins
  const EvalPlan p = plan_eval(t.at("out"), t.at("gold"));
  ASSERT_EQ(p.cases.size(), 2u);
  EXPECT_EQ(p.cases[0].name, "p.fax.png");
  EXPECT_EQ(p.cases[0].gold, g);
  EXPECT_EQ(p.cases[1].gold, g);
}

TEST(PlanEval, FilesPairDirectlyAndAmbiguityIsAnError) {
  Tree t;
  const auto out = t.put("clean.txt"), gold = t.put("g.gold.json");
  const EvalPlan p = plan_eval(out, gold);
  ASSERT_EQ(p.cases.size(), 1u);
  EXPECT_EQ(p.cases[0].kind, EvalKind::records);  // the gold says what is scored
  t.put("o/a.txt");
  t.put("g2/a.txt");
  t.put("in/x/a.txt");
  t.put("in/y/a.txt");
  EXPECT_THROW(plan_eval(t.at("o"), t.at("g2"), t.at("in")), std::runtime_error);
  EXPECT_THROW(plan_eval(t.at("nothing"), gold), std::runtime_error);
}

TEST(EvalKey, StripsRolesAndExtensions) {
  EXPECT_EQ(eval_key("a.legacy.txt.records.json"), "a");
  EXPECT_EQ(eval_key("a.gold.json"), "a");
  EXPECT_EQ(eval_key("a.source.txt"), "a");
  EXPECT_EQ(eval_key("2024-01-09.txt"), "2024-01-09");
}
