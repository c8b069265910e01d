// How OCR with a non-Swedish model garbles Swedish: P(seen | true) for character strings,
// learned by tools/build-confusions (render Swedish text, OCR it with Tesseract's eng model,
// align, count). The repair stage runs it backwards to propose what a damaged word really was.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace protokoll {

struct Confusion {
  std::u32string seen;   ///< what OCR printed ("é", "id", "0O", "" for a dropped letter)
  std::u32string truth;  ///< what the page said ("ö", "ä", "Ö")
  double log_prob = 0;   ///< log10 P(seen | truth)
  std::size_t index = 0; ///< position in the model, for per-document tables
};

class ConfusionModel {
 public:
  /// Load "truth\tseen\tcount\ttotal" rows (tools/build-confusions output).
  void load(const std::string& path);

  /// Confusions whose `seen` string starts with the code point c (longest first); may be empty.
  const std::vector<const Confusion*>& starting_with(char32_t c) const;
  /// log10 P(c | c): a character read as itself.
  double log_keep(char32_t c) const;
  std::size_t size() const { return rules_.size(); }
  template <class F>
  void for_each(F&& f) const {
    for (const auto& r : rules_) f(r);
  }

 private:
  std::vector<Confusion> rules_;
  std::unordered_map<char32_t, std::vector<const Confusion*>> by_first_;
  std::unordered_map<char32_t, double> keep_;
  std::vector<const Confusion*> none_;
  void index();
};

}  // namespace protokoll
