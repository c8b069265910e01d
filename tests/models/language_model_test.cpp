// The language model on the committed tables in dictionaries/ (built from Swedish help texts).
#include "models/language_model.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>

#include "protokoll/resources.hpp"

#include "test_util.hpp"

namespace {
using protokoll::LanguageModel;

const LanguageModel& model() {
  static const LanguageModel lm = [] {
    LanguageModel m;
    m.load(protokoll::testing::source_path("dictionaries/lm-unigrams.tsv"),
           protokoll::testing::source_path("dictionaries/lm-bigrams.tsv"));
    return m;
  }();
  return lm;
}

TEST(LanguageModel, CountsAndIdsOfRealSwedish) {
  const auto& lm = model();
  EXPECT_GT(lm.vocabulary(), 10000u);
  for (const char* w : {"för", "att", "det", "finns", "är"}) EXPECT_GT(lm.count(w), 100u) << w;
  EXPECT_EQ(lm.id("férvaltningen"), LanguageModel::kUnknown);
  EXPECT_GT(lm.count(lm.id("för"), lm.id("att")), 1000u);
  EXPECT_GT(lm.log_unigram("för"), lm.log_unigram("förvaltningen"));
}

// tools/build-language-model cleans the help texts' counts of what minutes do not share: Swedish
// words that lost their å/ä/ö there, and forms that can only be an imperative (instructions to
// the reader: "välj", "fortsätt"), with the pairs they are in.
TEST(LanguageModel, HoldsNoStrippedOrImperativeOnlyForms) {
  const auto& lm = model();
  for (const char* w : {"foredrag", "nara", "välj", "fortsätt", "läs", "skriv"}) EXPECT_EQ(lm.count(w), 0u) << w;
  // The same verbs' other forms, and forms that are also something else, stay.
  for (const char* w : {"nära", "välja", "fortsätta", "fortsätter", "mata", "klicka"}) EXPECT_GT(lm.count(w), 10u) << w;
}

TEST(LanguageModel, AssociationIsTheBigramOverTheUnigram) {
  const auto& lm = model();
  const int fr = lm.id("för"), att = lm.id("att"), det = lm.id("det"), finns = lm.id("finns");
  ASSERT_GE(fr, 0);
  // Seen pairs, a pair never seen, an unknown word on either side.
  for (auto [a, b] : {std::pair{fr, att}, {det, finns}, {finns, fr}, {fr, LanguageModel::kUnknown},
                      {LanguageModel::kUnknown, att}}) {
    const double expected = lm.log_bigram(a, b) - lm.log_unigram(b);
    EXPECT_NEAR(lm.log_association(a, b), expected, 1e-9) << a << " " << b;
  }
  EXPECT_GT(lm.log_association(fr, att), 0.5);  // "för att" is far likelier than "att" alone
  EXPECT_LT(lm.log_association(fr, finns), 0);  // "för finns" was never seen
  EXPECT_EQ(lm.log_association(LanguageModel::kUnknown, att), 0);  // no history, no evidence
}

// Every pair the table records, read back through the association table (32-bit keys) and
// through the counts (64-bit keys): the two tables must agree on every one.
TEST(LanguageModel, EveryRecordedPairHasItsAssociation) {
  const auto& lm = model();
  std::istringstream in(protokoll::testing::slurp(protokoll::testing::source_path("dictionaries/lm-bigrams.tsv")));
  std::size_t pairs = 0;
  for (std::string line; std::getline(in, line);) {
    const auto space = line.find(' '), tab = line.find('\t');
    if (line.empty() || line[0] == '#' || space == std::string::npos || tab == std::string::npos) continue;
    const int a = lm.id(line.substr(0, space)), b = lm.id(line.substr(space + 1, tab - space - 1));
    if (a < 0 || b < 0) continue;
    ASSERT_GT(lm.count(a, b), 0u) << line;
    ASSERT_NEAR(lm.log_association(a, b), lm.log_bigram(a, b) - lm.log_unigram(b), 1e-9) << line;
    ++pairs;
  }
  EXPECT_GT(pairs, 50000u);
}

// Word ids are packed two to a 32-bit key: a larger vocabulary is refused with the file's name.
TEST(LanguageModel, RefusesAVocabularyItCannotKey) {
  protokoll::testing::TempDir dir;
  const std::string unigrams = (dir.path / "uni.tsv").string(), bigrams = (dir.path / "bi.tsv").string();
  std::string words;
  for (int i = 0; i <= 0xffff; ++i) words.append("w").append(std::to_string(i)).append("\t1\n");
  protokoll::testing::write_file(unigrams, words);
  protokoll::testing::write_file(bigrams, "w1 w2\t1\n");
  LanguageModel lm;
  try {
    lm.load(unigrams, bigrams);
    FAIL() << "loaded 65,536 words";
  } catch (const protokoll::SetupError& e) {
    EXPECT_NE(std::string(e.what()).find(unigrams), std::string::npos) << e.what();
  }
  // One word fewer loads.
  words.resize(words.rfind("w65535"));
  protokoll::testing::write_file(unigrams, words);
  LanguageModel fits;
  fits.load(unigrams, bigrams);
  EXPECT_EQ(fits.vocabulary(), 0xffffu);
  EXPECT_EQ(fits.count(fits.id("w1"), fits.id("w2")), 1u);
}

TEST(LanguageModel, SpellingModelPrefersSwedishLetters) {
  const auto& lm = model();
  EXPECT_GT(lm.log_spelling("hjelmström"), lm.log_spelling("hjelmstrém") + 1);
  EXPECT_GT(lm.log_spelling("sjöberg"), lm.log_spelling("sj6berg"));
}

}  // namespace
