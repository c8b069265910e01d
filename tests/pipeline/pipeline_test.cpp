// The pipeline runner on real files: bad inputs are reported and skipped, order is kept, sources
// are traced into records.
#include "protokoll/pipeline.hpp"

#include <algorithm>
#include <map>

#include <gtest/gtest.h>

#include "io/sha256.hpp"
#include "schema_validator.hpp"
#include "test_util.hpp"

using namespace protokoll;
using namespace protokoll::testing;

namespace {
PipelineOptions options() {
  PipelineOptions o;
  o.repair.data_dir = test_data_dir();
  return o;
}

// Every record the batch writes follows docs/record.schema.json.
void expect_valid(const std::vector<Record>& records) {
  static const auto schema = nlohmann::json::parse(slurp(source_path("docs/record.schema.json")));
  for (const auto& r : records) {
    std::vector<std::string> errors;
    validate_schema(schema, nlohmann::json::parse(r.to_json().dump()), "$", errors);
    for (const auto& e : errors) ADD_FAILURE() << r.id << ": " << e;
  }
}
}  // namespace

TEST(Pipeline, BadInputsFailAloneAndTheRestKeepTheirOrder) {
  TempDir dir;
  write_file(dir / "a-empty.txt", "");
  write_file(dir / "b-garbage.bin", std::string("\x00\x01\x02\x03\x04", 5));
  write_file(dir / "c-broken.png", "\x89PNG\r\n\x1a\nnot really");
  Pipeline batch(options());
  std::vector<InputFailure> failures;
  auto loaded = batch.load(expand_inputs({source_path("samples/legacy/001.txt"), dir.path.string(),
                                          source_path("samples/legacy/000.txt")}),
                           failures);
  ASSERT_EQ(loaded.size(), 2u);
  EXPECT_NE(loaded[0].source.path.find("001.txt"), std::string::npos);
  EXPECT_NE(loaded[1].source.path.find("000.txt"), std::string::npos);
  ASSERT_EQ(failures.size(), 3u);
  EXPECT_NE(failures[0].reason.find("empty"), std::string::npos);
  EXPECT_NE(failures[1].reason.find("unrecognized"), std::string::npos);
  EXPECT_NE(failures[2].reason.find("image"), std::string::npos);
  EXPECT_EQ(loaded[0].source.sha256.size(), 64u);
  EXPECT_GT(loaded[0].repaired_words, 10u);
}

TEST(Pipeline, RecordsAcrossFilesAndPerFile) {
  PipelineOptions o = options();
  Pipeline batch(o);
  std::vector<InputFailure> failures;
  auto loaded = batch.load(expand_inputs({source_path("samples/legacy/000.txt"), source_path("samples/legacy/001.txt")}),
                           failures);
  ASSERT_TRUE(failures.empty());
  auto records = batch.records(loaded);
  expect_valid(records);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].date.value_or(""), "2021-11-23");
  EXPECT_EQ(records[1].date.value_or(""), "2024-01-09");
  ASSERT_EQ(records[1].source.size(), 1u);
  EXPECT_NE(records[1].source[0].file.find("001.txt"), std::string::npos);
  EXPECT_EQ(records[1].source[0].sha256, loaded[1].source.sha256);
  EXPECT_GT(records[0].repaired_words, 0u);
}

TEST(Pipeline, ImagesAreOcrdAndTracedToTheirPages) {
  Pipeline batch(options());
  std::vector<InputFailure> failures;
  auto loaded = batch.load(expand_inputs({source_path("samples/pages/two-pages.tif")}), failures);
  ASSERT_TRUE(failures.empty());
  ASSERT_EQ(loaded.size(), 1u);
  ASSERT_EQ(loaded[0].pages.size(), 2u);
  auto records = batch.records(loaded);
  expect_valid(records);
  ASSERT_EQ(records.size(), 2u);  // two meetings, one per page
  EXPECT_EQ(records[0].date.value_or(""), "2023-03-14");
  EXPECT_EQ(records[1].date.value_or(""), "2024-02-06");
  ASSERT_EQ(records[1].source.size(), 1u);
  EXPECT_EQ(records[1].source[0].pages, std::vector<int>{2});
  ASSERT_TRUE(records[0].ocr_confidence.has_value());
  EXPECT_GT(*records[0].ocr_confidence, 50.0);
}

TEST(Pipeline, PagesInSeveralFilesJoinUnlessPerFile) {
  // The dev meeting 001 split at its second page (" 4. Dilemman") into two files.
  TempDir dir;
  std::string text = slurp(source_path("samples/legacy/001.txt"));
  auto cut = text.find(" 4. Dilemman");
  ASSERT_NE(cut, std::string::npos);
  write_file(dir / "001-page1.txt", text.substr(0, cut));
  write_file(dir / "001-page2.txt", text.substr(cut));
  std::vector<InputFailure> failures;
  Pipeline stream(options());
  auto loaded = stream.load(expand_inputs({dir.path.string()}), failures);
  auto joined = stream.records(loaded);
  expect_valid(joined);
  ASSERT_EQ(joined.size(), 1u);
  ASSERT_EQ(joined[0].source.size(), 2u);
  EXPECT_EQ(joined[0].items.size(), 8u);
  PipelineOptions o = options();
  o.per_file = true;
  Pipeline separate(o);
  auto split = separate.records(separate.load(expand_inputs({dir.path.string()}), failures));
  ASSERT_EQ(split.size(), 2u);
  EXPECT_FALSE(split[1].date.has_value());
}

// The repair rewrites each line in place: pages, line ends and blank lines stay where they
// were, and every change says on which page and line it stands.
TEST(Pipeline, RepairRewritesLinesInPlace) {
  TempDir dir;
  const std::string legacy = slurp(source_path("samples/legacy/000.txt"));
  write_file(dir / "a.txt", legacy + "\fFranvarande: Mats\n\n\fsida tva\n");
  std::vector<InputFailure> failures;
  auto docs = Pipeline(options()).load(expand_inputs({dir / "a.txt"}), failures);
  ASSERT_TRUE(failures.empty());
  ASSERT_EQ(docs.size(), 1u);
  const Document& doc = docs[0];
  ASSERT_EQ(doc.pages.size(), 3u);
  const std::size_t first_page_lines = doc.pages[0].lines.size();
  EXPECT_EQ(doc.pages[1].lines.size(), 2u);
  EXPECT_EQ(doc.pages[1].lines[0].text, "Frånvarande: Mats");
  EXPECT_EQ(doc.pages[2].lines[0].text, "sida två");
  // The change on page 2 says so, and its line is the file's line.
  const auto on_page_2 = std::find_if(doc.changes.begin(), doc.changes.end(), [](const Change& c) { return c.page == 2; });
  ASSERT_NE(on_page_2, doc.changes.end());
  EXPECT_EQ(on_page_2->from, "Franvarande");
  EXPECT_EQ(on_page_2->line, first_page_lines + 1);
  EXPECT_EQ(on_page_2->column, 1u);
  const std::string text = document_text(doc);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\f'), 2);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), std::count(legacy.begin(), legacy.end(), '\n') + 3);
  EXPECT_GT(doc.repaired_words, 10u);
}

TEST(Shards, StableByContentAndEven) {
  // The first 64 bits of the hash, modulo N: fixed for all time, or resumed shards would drift.
  EXPECT_EQ(shard_of("0000000000000007ffff", 4), 3u);
  EXPECT_EQ(shard_of("ffffffffffffffff", 10), 0xffffffffffffffffull % 10);
  EXPECT_EQ(shard_of("abc", 1), 0u);
  std::vector<int> count(4);
  for (int i = 0; i < 4000; ++i) ++count[shard_of(sha256_hex(std::to_string(i)), 4)];
  for (int c : count) EXPECT_NEAR(c, 1000, 120);
}

TEST(Shards, EveryInputInExactlyOneShardBadOnesToo) {
  TempDir dir;
  for (int i = 0; i < 12; ++i) write_file(dir / ("m" + std::to_string(i) + ".txt"), "Protokoll 2024-01-0" + std::to_string(i % 9 + 1) + "\nNärvarande: Anna Berg\n");
  write_file(dir / "empty.txt", "");
  write_file(dir / "broken.png", "\x89PNG\r\n\x1a\nnot really");
  const auto inputs = expand_inputs({dir.path.string()});
  std::map<std::string, int> taken;  // input -> shards that did or failed it
  for (std::size_t k = 0; k < 3; ++k) {
    PipelineOptions o = options();
    o.shard = k;
    o.shard_count = 3;
    Pipeline batch(o);
    std::size_t others = 0;
    batch.process(
        inputs, [&](std::size_t, Document&& d) { ++taken[d.source.path]; },
        [&](const InputFailure& f) { f.other_shard ? ++others : ++taken[f.path]; });
    EXPECT_GT(others, 0u);
  }
  EXPECT_EQ(taken.size(), inputs.size());
  for (const auto& [path, n] : taken) EXPECT_EQ(n, 1) << path;
}
