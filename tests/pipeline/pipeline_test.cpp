// The batch runner on real files: bad inputs are reported and skipped, order is kept, sources
// are traced into records.
#include "protokoll/pipeline.hpp"

#include <gtest/gtest.h>

#include "schema_validator.hpp"
#include "test_util.hpp"

using namespace protokoll;
using namespace protokoll::testing;

namespace {
BatchOptions options() {
  BatchOptions o;
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

TEST(Batch, BadInputsFailAloneAndTheRestKeepTheirOrder) {
  TempDir dir;
  write_file(dir / "a-empty.txt", "");
  write_file(dir / "b-garbage.bin", std::string("\x00\x01\x02\x03\x04", 5));
  write_file(dir / "c-broken.png", "\x89PNG\r\n\x1a\nnot really");
  Batch batch(options());
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

TEST(Batch, RecordsAcrossFilesAndPerFile) {
  BatchOptions o = options();
  Batch batch(o);
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

TEST(Batch, ImagesAreOcrdAndTracedToTheirPages) {
  Batch batch(options());
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

TEST(Batch, PagesInSeveralFilesJoinUnlessPerFile) {
  // The dev meeting 001 split at its second page (" 4. Dilemman") into two files.
  TempDir dir;
  std::string text = slurp(source_path("samples/legacy/001.txt"));
  auto cut = text.find(" 4. Dilemman");
  ASSERT_NE(cut, std::string::npos);
  write_file(dir / "001-page1.txt", text.substr(0, cut));
  write_file(dir / "001-page2.txt", text.substr(cut));
  std::vector<InputFailure> failures;
  Batch stream(options());
  auto loaded = stream.load(expand_inputs({dir.path.string()}), failures);
  auto joined = stream.records(loaded);
  expect_valid(joined);
  ASSERT_EQ(joined.size(), 1u);
  ASSERT_EQ(joined[0].source.size(), 2u);
  EXPECT_EQ(joined[0].items.size(), 8u);
  BatchOptions o = options();
  o.per_file = true;
  Batch separate(o);
  auto split = separate.records(separate.load(expand_inputs({dir.path.string()}), failures));
  ASSERT_EQ(split.size(), 2u);
  EXPECT_FALSE(split[1].date.has_value());
}

// `repair` takes the repaired text as one string instead of lines: the same text, with pages
// (form feeds), CR LF lines and a page break after a blank line in it.
TEST(Batch, RepairedTextIsThePagesRepaired) {
  TempDir dir;
  write_file(dir / "a.txt", slurp(source_path("samples/legacy/000.txt")) + "\fFranvarande: Mats\r\n\n\fsida tva\n");
  const auto inputs = expand_inputs({dir / "a.txt", source_path("samples/legacy/001.txt")});
  std::vector<InputFailure> failures;
  auto as_pages = Batch(options()).load(inputs, failures);
  BatchOptions text_only = options();
  text_only.repaired_pages = false;
  auto as_text = Batch(text_only).load(inputs, failures);
  ASSERT_TRUE(failures.empty());
  ASSERT_EQ(as_pages.size(), 2u);
  ASSERT_EQ(as_text.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_FALSE(as_pages[i].text);
    ASSERT_TRUE(as_text[i].text);
    EXPECT_EQ(*as_text[i].text, pages_text(as_pages[i].pages));
    EXPECT_NE(*as_text[i].text, pages_text(as_text[i].pages));  // those pages are as read
    EXPECT_EQ(as_text[i].repaired_words, as_pages[i].repaired_words);
    EXPECT_GT(as_text[i].repaired_words, 0u);
  }
}
