// The real Hunspell sv_SE dictionary and the committed word lists.
#include "models/lexicon.hpp"

#include <gtest/gtest.h>

#include "protokoll/resources.hpp"
#include "test_util.hpp"

using namespace protokoll;
using namespace protokoll::testing;

namespace {
const Lexicon& lexicon() {
  static Lexicon lex([] {
    LexiconOptions o;
    o.data_dir = test_data_dir();
    return o;
  }());
  return lex;
}
}  // namespace

TEST(Lexicon, HunspellKnowsSwedishCompoundsAndNames) {
  EXPECT_EQ(lexicon().lookup("förvaltningen"), Lexicon::Known::yes);
  EXPECT_EQ(lexicon().lookup("sjukfrånvaron"), Lexicon::Known::yes);
  EXPECT_EQ(lexicon().lookup("Göran"), Lexicon::Known::yes);
  EXPECT_EQ(lexicon().lookup("férvaltningen"), Lexicon::Known::no);
  EXPECT_EQ(lexicon().lookup("Franvarande"), Lexicon::Known::no);
}

TEST(Lexicon, TesseractWordListIsOnlyWeakEvidence) {
  // Tesseract's web word list holds stripped forms; Hunspell does not accept them.
  EXPECT_EQ(lexicon().lookup("forslag"), Lexicon::Known::weak);
  EXPECT_EQ(lexicon().lookup("förslag"), Lexicon::Known::yes);
}

TEST(Lexicon, DomainAndUserWords) {
  EXPECT_EQ(lexicon().lookup("medarbetarenkäten"), Lexicon::Known::yes);  // dictionaries/domain-words.txt
  TempDir dir;
  write_file(dir / "words.txt", "# our names\nKarlegatt\nCederqvist\n");
  LexiconOptions o;
  o.data_dir = test_data_dir();
  o.user_word_files = {dir / "words.txt"};
  Lexicon lex(o);
  EXPECT_EQ(lex.lookup("Karlegatt"), Lexicon::Known::yes);
  EXPECT_EQ(lexicon().lookup("Karlegatt"), Lexicon::Known::no);
}

TEST(Lexicon, MissingDictionarySaysWhatToInstall) {
  std::string aff = "/nonexistent/sv_SE.aff", dic = "/nonexistent/sv_SE.dic";
  EXPECT_THROW(find_hunspell_dictionary(aff, dic), SetupError);
  std::string none_aff, none_dic;
  find_hunspell_dictionary(none_aff, none_dic);  // the Debian package is installed here
  EXPECT_NE(none_aff.find("sv_SE.aff"), std::string::npos);
}

TEST(Lexicon, NamesAreWordsOnlyWrittenAsNames) {
  // "Synnöve" is on the name lists (dictionaries/names.tsv) but not in Hunspell sv_SE.
  EXPECT_EQ(lexicon().lookup("Synnöve"), Lexicon::Known::yes);
  EXPECT_EQ(lexicon().lookup("SYNNÖVE"), Lexicon::Known::yes);
  EXPECT_EQ(lexicon().lookup("synnöve"), Lexicon::Known::no);
  // How common a name is: SCB's share, on the language model's scale.
  EXPECT_GT(lexicon().name_weight("Andersson"), lexicon().name_weight("Bäckström"));
  EXPECT_GT(lexicon().name_weight("Bäckström"), 1.0);
  EXPECT_EQ(lexicon().name_weight("BÄCKSTRÖM"), lexicon().name_weight("Bäckström"));
  EXPECT_EQ(lexicon().name_weight("bäckström"), 0.0);
  EXPECT_EQ(lexicon().name_weight("Backström"), 0.0);
}
