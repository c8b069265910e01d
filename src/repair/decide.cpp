// Decisions: each word takes its likeliest reading, when that beats the word as written by the
// margin a change must have. Two passes, so that context uses the neighbours' repaired forms:
// the first without context, the second with the neighbours as the first pass chose them.
// Within a pass words are independent (each reads the pass before), so they run in parallel
// and the result does not depend on their order.
#include <cstdio>
#include <cstdlib>

#include "repair/engine.hpp"
#include "text/chars.hpp"

namespace protokoll::repair {

using namespace tuning;

// The nearest word each way (its index in `order`), none past punctuation that ends a clause
// or when that word is never repaired (a number, a bullet). A sentence wrapped onto the next
// line keeps its context across the break ("… kunskapen om dagens skola är | låg."): the
// next line continues this one when it starts flush with a small letter and neither is a
// list of names or a page break; otherwise the line's edge is a clause's edge.
void find_neighbours(DocumentState& doc) {
  const auto& lines = doc.lines;
  const auto& order = doc.order;
  doc.prev_of.assign(order.size(), -1);
  doc.next_of.assign(order.size(), -1);
  auto continues = [&](std::size_t a) {  // line a + 1 goes on with line a's sentence
    if (a + 1 >= lines.size()) return false;
    const LineWork& here = lines[a];
    const LineWork& next = lines[a + 1];
    if (here.tokens.empty() || next.tokens.empty() || here.name_list || next.name_list ||
        next.bullet_token != SIZE_MAX || next.text.empty())
      return false;
    if (here.text.find(U'\f') != std::u32string::npos || next.text.find(U'\f') != std::u32string::npos) return false;
    return next.tokens.front().begin == 0 && is_letter(next.text[0]) && !is_upper(next.text[0]);
  };
  auto neighbour = [&](std::size_t li, long ti, int dir) -> std::int32_t {
    for (int crossed = 0; crossed < 2; ++crossed) {
      const auto& toks = lines[li].tokens;
      for (long k = ti + dir; k >= 0 && k < static_cast<long>(toks.size()); k += dir) {
        const Token& t = toks[static_cast<std::size_t>(k)];
        if (t.word) return t.slot;
        for (std::size_t p = t.begin; p < t.end; ++p) {
          char32_t c = lines[li].text[p];
          if (c == U'.' || c == U':' || c == U';' || c == U'!' || c == U'?' || c == U'(' || c == U')' ||
              c == U'/' || c == U'•')
            return -1;
        }
      }
      if (crossed || !(dir < 0 ? li > 0 && continues(li - 1) : continues(li))) return -1;
      li = dir < 0 ? li - 1 : li + 1;  // on to the other line's far end
      ti = dir < 0 ? static_cast<long>(lines[li].tokens.size()) : -1;
    }
    return -1;
  };
  for (std::size_t i = 0; i < order.size(); ++i) {
    doc.prev_of[i] = neighbour(order[i].first, static_cast<long>(order[i].second), -1);
    doc.next_of[i] = neighbour(order[i].first, static_cast<long>(order[i].second), +1);
  }
  doc.context_first.assign(order.size(), kNoWord);
  doc.context_last.assign(order.size(), kNoWord);
}

namespace {

class Decider {
 public:
  Decider(const Engine& engine, DocumentState& doc)
      : doc(doc), lm(engine.lm), lexicon(engine.lexicon.get()), options(engine.options), choices(doc.choices),
        order(doc.order), prev_of(doc.prev_of), next_of(doc.next_of), context_first(doc.context_first),
        context_last(doc.context_last), read_first(doc.read_first), read_last(doc.read_last), rescored(doc.rescored) {}

  // A decision is a function of its form's scores and its context alone: a pass with context
  // decides again only the words where one of those differs from the pass that decided them
  // last (most words, after adapting; a word with no context on either side, after the pass
  // without). `rescored`: per form, whether its scores changed since the first round.
  void run(int first_pass) {
    for (int pass = first_pass; pass < 2; ++pass) {
      if (debug) {
        for (std::size_t i = 0; i < order.size(); ++i) decide(pass, i);
      } else if (pass == 0) {
        decide_without_context();
      } else if (first_pass == 0) {
        for_each_index(order.size(), [&](std::size_t i) {
          if (prev_context(i, context_last) != kNoWord || next_context(i, context_first) != kNoWord) decide(pass, i);
        });
      } else {
        for_each_index(order.size(), [&](std::size_t i) {
          if (rescored[choices[i].form] || prev_context(i, context_last) != prev_context(i, read_last) ||
              next_context(i, context_first) != next_context(i, read_first))
            decide(pass, i);
        });
      }
      if (pass == 1) {
        read_first = context_first;
        read_last = context_last;
      }
      for (std::size_t i = 0; i < order.size(); ++i) {
        const Choice& ch = choices[i];
        const Scored& c = doc.scored[ch.form][ch.best];
        context_first[i] = c.first_id;
        context_last[i] = c.last_id;
      }
    }
  }

 private:
  DocumentState& doc;
  const LanguageModel& lm;
  const Lexicon* lexicon;
  const RepairOptions& options;
  std::vector<Choice>& choices;
  const std::vector<std::pair<std::uint32_t, std::uint32_t>>& order;
  const std::vector<std::int32_t>& prev_of;
  const std::vector<std::int32_t>& next_of;
  std::vector<int>& context_first;
  std::vector<int>& context_last;
  std::vector<int>& read_first;
  std::vector<int>& read_last;
  const std::vector<char>& rescored;
  // PROTOKOLL_DEBUG_REPAIR=1 prints every decision's candidates to stderr (for tuning).
  inline static const bool debug = std::getenv("PROTOKOLL_DEBUG_REPAIR") != nullptr;

  template <class Body>
  void for_each_index(std::size_t n, Body&& body) const {
    doc.for_each_index(n, body);
  }
  // Each pass decides every token from the previous pass's neighbours, so tokens are
  // independent within a pass and run in parallel (and the result does not depend on order).
  // The context position i reads in a pass after the first, from the neighbours' ids `first`
  // and `last` as the previous pass left them.
  int prev_context(std::size_t i, const std::vector<int>& last) const {
    return prev_of[i] >= 0 ? last[static_cast<std::size_t>(prev_of[i])] : kNoWord;
  }
  int next_context(std::size_t i, const std::vector<int>& first) const {
    return next_of[i] >= 0 ? first[static_cast<std::size_t>(next_of[i])] : kNoWord;
  }
  void decide(int pass, std::size_t i) {
    Choice& ch = choices[i];
    const auto& scored = doc.scored[ch.form];
    const std::size_t n = scored.size();
    if (n == 1) {
      ch.best = ch.identity;
      return;
    }
    const int prev = pass ? prev_context(i, context_last) : kNoWord;
    const int next = pass ? next_context(i, context_first) : kNoWord;
    double best = -1e18, second = -1e18;
    std::size_t best_k = ch.identity, second_k = SIZE_MAX;
    for (std::size_t k = 0; k < n; ++k) {
      const Scored& c = scored[k];
      double context = c.fixed_score;
      // A listed name takes only the context that speaks for it: that the corpus never wrote
      // "Märta" before "Sjöholm" says nothing against her, and a name it never saw at all
      // would otherwise stand better than one it saw beside other surnames.
      const auto association = [&](int a, int b) {
        const double v = lm.log_association(a, b);
        return c.name ? std::max(0.0, v) : v;
      };
      if (prev != kNoWord) context += association(prev, c.first_id);
      if (next != kNoWord) context += association(c.last_id, next);
      double s = c.channel + context;
      // On a participant list a word is a name: readings the lexicon knows only capitalized
      // ("Åke", "Pär") or as a listed name ("Ann", though "ann" is a word too) are favoured,
      // and a known word as written does not turn into a common word ("Mats" does not become
      // "mäts").
      if (ch.listed_name && (*ch.cands)[k].parts.size() == 1) {
        const Candidate& cand = (*ch.cands)[k];
        const bool common = lexicon->lookup(cand.lower.front()) == Lexicon::Known::yes;
        if (c.name || (!common && lexicon->lookup(to_utf8(cand.parts.front())) == Lexicon::Known::yes))
          s += kProperNameBonus;
        if (common && k != ch.identity && scored[ch.identity].tier == 2) s -= kNameBonus;
      }
      // The bonus keeps a proper noun from turning into a common word; between two names
      // ("Marta", "Märta") how common each is decides.
      if (k != ch.identity && c.name) s += ch.identity_bonus;
      if (k == ch.identity) {
        s += ch.identity_bonus;
        ch.identity_score = s;
      }
      if (s > best) {
        second = best;
        second_k = best_k;
        best = s;
        best_k = k;
      } else if (s > second) {
        second = s;
        second_k = k;
      }
    }
    // A change must beat the token as it stands by the threshold, and a word the lexicon
    // knows by a clear margin more: breaking a right word costs more than missing a fix.
    // In a text that lost its å/ä/ö a word without them is itself suspect: the margin shrinks.
    const double margin =
        options.threshold + (scored[ch.identity].tier == 2 ? kKnownWordMargin + kValidWordMargin * (1 - doc.strip) : 0.0);
    if (best_k != ch.identity && best - ch.identity_score < margin) {
      second_k = best_k;
      second = best;
      best_k = ch.identity;
      best = ch.identity_score;
    }
    if (pass == 1 && debug) print_debug(i, prev, next, best_k);
    ch.best = static_cast<std::uint16_t>(best_k);
    ch.best_score = best;
    ch.runner_up = second_k == SIZE_MAX ? kNoReading : static_cast<std::uint16_t>(second_k);
  }

  // PROTOKOLL_DEBUG_REPAIR=1: a decision's candidates on stderr (for tuning).
  void print_debug(std::size_t i, int prev, int next, std::size_t best_k) const {
    const Choice& ch = choices[i];
    std::string line = "repair-debug " + std::to_string(order[i].first + 1) + ":";
    for (std::size_t k = 0; k < ch.cands->size() && k < 12; ++k) {
      const Candidate& c = (*ch.cands)[k];
      std::string text;
      for (const auto& p : c.parts) text += to_utf8(p) + (&p == &c.parts.back() ? "" : "_");
      char buf[96];
      const Scored& sc = doc.scored[ch.form][k];
      double context = sc.fixed_score;
      if (prev != kNoWord) context += lm.log_association(prev, sc.first_id);
      if (next != kNoWord) context += lm.log_association(sc.last_id, next);
      std::snprintf(buf, sizeof buf, " %s[t%d ch%.2f pr%.2f]%s", text.c_str(), c.tier, sc.channel, context,
                    k == best_k ? "*" : "");
      line += buf;
    }
    std::fprintf(stderr, "%s\n", line.c_str());
  }

  // Without context (pass 0) a decision depends only on the form, unless the token has a bonus
  // of its own (a name as written, a listed name): a form's other plain tokens copy the first's.
  void decide_without_context() {
    std::vector<std::int32_t> first_plain(doc.readings.size(), -1);
    std::vector<std::uint32_t> firsts, copies;
    for (std::size_t i = 0; i < order.size(); ++i) {
      const Choice& ch = choices[i];
      if (ch.listed_name || ch.identity_bonus != 0) {
        firsts.push_back(static_cast<std::uint32_t>(i));
      } else if (first_plain[ch.form] < 0) {
        first_plain[ch.form] = static_cast<std::int32_t>(i);
        firsts.push_back(static_cast<std::uint32_t>(i));
      } else {
        copies.push_back(static_cast<std::uint32_t>(i));
      }
    }
    for_each_index(firsts.size(), [&](std::size_t k) { decide(0, firsts[k]); });
    for_each_index(copies.size(), [&](std::size_t k) {
      Choice& ch = choices[copies[k]];
      const Choice& first = choices[static_cast<std::size_t>(first_plain[ch.form])];
      ch.best = first.best;
      ch.best_score = first.best_score;
      ch.identity_score = first.identity_score;
      ch.runner_up = first.runner_up;
    });
  }
};

}  // namespace

void decide_all(const Engine& engine, DocumentState& doc, int first_pass) { Decider(engine, doc).run(first_pass); }

}  // namespace protokoll::repair
