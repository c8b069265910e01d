// The Swedish lexicon the repair stage checks candidates against: Hunspell sv_SE (which knows
// compounds and common names), Tesseract's Swedish word list, domain words from dictionaries/,
// Swedish personal and place names (dictionaries/names.tsv), and an optional user word list.
// Lookups are cached, so a word is checked once per process.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace protokoll {

struct LexiconOptions {
  std::string data_dir;                  ///< dictionaries/ (word lists)
  std::string hunspell_aff;              ///< sv_SE.aff; empty: found in the usual Debian places
  std::string hunspell_dic;              ///< sv_SE.dic
  std::vector<std::string> user_word_files;  ///< one word per line, '#' comments
  bool use_hunspell = true;
};

class Lexicon {
 public:
  /// Throws std::runtime_error naming the missing dictionary and the package that ships it.
  explicit Lexicon(const LexiconOptions& options);
  ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  /// How sure the lexicon is that a word (as cased) is Swedish: `yes` when Hunspell accepts it,
  /// it is in our domain or user lists, or it is a listed name written as a name ("Bäckström",
  /// "BÄCKSTRÖM"; not "bäckström"); `weak` when only Tesseract's web word list has it (that
  /// list also holds OCR-stripped forms such as "forslag"); `no` otherwise. Thread-safe, cached.
  enum class Known { no = 0, weak = 1, yes = 2 };
  Known lookup(std::string_view word) const;
  /// Every word of the word lists, lower-case: `strong` for our domain and user lists, not for
  /// Tesseract's web list or the names (a name is a word only when capitalized). The views live
  /// as long as the Lexicon.
  void for_each_listed(const std::function<void(std::string_view, bool strong)>& f) const;
  /// How common a name is, as a pseudo count on the language model's scale (names.tsv), when
  /// `word` is a listed name written as a name; 0 otherwise.
  double name_weight(std::string_view word) const;


 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Locate sv_SE.aff/.dic in the usual Debian places; throws with the package to install.
void find_hunspell_dictionary(std::string& aff, std::string& dic);

}  // namespace protokoll
