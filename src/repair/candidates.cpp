// Candidates: the readings of one word form. A best-first search through the lexicon trie,
// keeping each character or undoing a confusion that starts there, so only words are built,
// likeliest first. At a word's end the search may start a new word: a compound part (no space,
// "sjuk|frånvaron", also after a linking "s" or the dropped "e"/"a" of "medarbetar|enkät") or a
// word OCR glued on (a space: "Uppdrag|i"). Two fallbacks add what the trie cannot spell:
// inflected forms only Hunspell knows, and respellings of forms that are not Swedish spelling.
#include <algorithm>
#include <cstring>
#include <unordered_set>

#include "repair/engine.hpp"
#include "text/chars.hpp"

namespace protokoll::repair {

using namespace tuning;

namespace {

// A capitalized, Swedish-spelled word may be a name the lexicon lacks ("Agerus"): a reading may
// give back marks OCR dropped, but not respell it into another word ("Äggrus").
bool respells_name(std::u32string_view seen, std::span<const Confusion* const> rules) {
  if (seen.empty() || !is_upper(seen[0]) || !swedish_spelling(seen)) return false;
  return std::any_of(rules.begin(), rules.end(), [](const Confusion* r) {
    return std::none_of(r->truth.begin(), r->truth.end(), is_swedish_diacritic);
  });
}

// Short words that OCR glues to their neighbours when the space between them is narrow.
const std::unordered_set<std::u32string>& glue_words() {
  static const std::unordered_set<std::u32string> words = {
      U"i", U"å", U"ö", U"en", U"ett", U"och", U"att", U"av", U"på", U"om", U"som", U"ska", U"till",
      U"med", U"för", U"är", U"de", U"den", U"det", U"vi", U"man", U"så", U"har", U"kan", U"vid",
      U"ur", U"ut", U"in", U"upp", U"nu", U"alla", U"sin", U"sig", U"inte", U"samt", U"från"};
  return words;
}

}  // namespace

// The readings a trie walk found: each a slice of one buffer of texts and one of confusions,
// not strings and vectors of its own (a walk finds dozens, and generate() keeps few).
struct Found {
  double logp, base;
  std::uint32_t text_begin, text_end, rules_begin, rules_end;
  std::uint8_t compounds;  // boundaries the search put inside one part
};
struct FoundReadings {
  std::vector<Found> found;
  std::u32string text;                  // cased output
  std::vector<const Confusion*> rules;  // undone, from the word's end to its start
  std::u32string_view text_of(const Found& f) const {
    return std::u32string_view(text).substr(f.text_begin, f.text_end - f.text_begin);
  }
  std::span<const Confusion* const> rules_of(const Found& f) const {
    return {rules.data() + f.rules_begin, f.rules_end - f.rules_begin};
  }
  void clear() {
    found.clear();
    text.clear();
    rules.clear();
  }
};
struct Step {
  std::uint32_t parent;
  std::uint32_t pos, node;
  float logp, base;
  std::uint16_t part_len;
  std::uint8_t edits, compounds, spaces;
  std::uint8_t kind;  // 0 start, 1 keep, 2 rule, 3 compound, 4 space
  const Confusion* rule;
};

void Engine::walk_trie(const std::u32string& seen, const DocumentState& doc, FoundReadings& done) const {
  // What each position of the form offers, worked out once rather than at every step: the
  // cost of keeping its character, that character lower-cased, and the confusions whose
  // seen side matches there.
  struct Offer {
    float keep;
    char32_t lower;
    std::uint32_t rules_begin, rules_end;  // into `rules`
  };
  thread_local std::vector<Offer> offers;
  thread_local std::vector<const Confusion*> rules;
  thread_local std::vector<Step> steps;
  offers.clear();
  rules.clear();
  steps.clear();
  // A capital the OCR printed inside a word ("fOr") is a misread small letter: a confusion
  // that gives back a capital ("Ö" read as "O") applies only at the start or in capitals.
  const bool capitals =
      std::none_of(seen.begin(), seen.end(), [](char32_t c) { return is_letter(c) && !is_upper(c); });
  for (std::size_t pos = 0; pos < seen.size(); ++pos) {
    Offer o{static_cast<float>(channel_keep(seen[pos], doc)), lower_cp(seen[pos]),
            static_cast<std::uint32_t>(rules.size()), 0};
    for (const Confusion* rule : confusions.starting_with(seen[pos]))
      if (seen.compare(pos, rule->seen.size(), rule->seen) == 0 &&
          (pos == 0 || capitals || !is_upper(rule->truth[0])))
        rules.push_back(rule);
    o.rules_end = static_cast<std::uint32_t>(rules.size());
    offers.push_back(o);
  }
  // A max-heap of (logp, step) packed into one integer that orders the same way (the float's
  // bits made monotonic, then the step): the heap compares one number instead of a pair.
  auto entry = [](float logp, std::uint32_t step) {
    std::uint32_t bits;
    if (logp == 0) logp = 0;  // no -0
    std::memcpy(&bits, &logp, sizeof bits);
    bits = bits & 0x80000000u ? ~bits : bits | 0x80000000u;
    return static_cast<std::uint64_t>(bits) << 32 | step;
  };
  thread_local std::vector<std::uint64_t> open;
  open.clear();
  steps.push_back(Step{UINT32_MAX, 0, detail::WordTrie::kRoot, 0, 0, 0, 0, 0, 0, 0, nullptr});
  open.push_back(entry(0.0f, 0));
  float best_done = -1e9f, best_word = -1e9f;  // any reading; a listed word as one part
  auto push = [&](Step st) {
    if (st.logp < kMinLogP || st.logp < best_done - kSearchBeam || st.logp < best_word - kWordBeam) return;
    trie.prefetch(st.node);  // read when the step is taken up, usually soon
    steps.push_back(st);
    open.push_back(entry(st.logp, static_cast<std::uint32_t>(steps.size() - 1)));
    std::push_heap(open.begin(), open.end());
  };
  while (!open.empty() && steps.size() < kMaxWalkSteps && done.found.size() < kMaxCandidates) {
    std::pop_heap(open.begin(), open.end());
    const auto id = static_cast<std::uint32_t>(open.back());
    open.pop_back();
    const Step w = steps[id];
    if (w.logp < best_done - kSearchBeam || w.logp < best_word - kWordBeam) break;
    const std::uint8_t here = trie.tier(w.node);
    const bool restarted = w.kind == 3 || w.kind == 4;
    if (w.pos == seen.size()) {
      if (here > 0 && !restarted) {
        Found out{w.logp, w.base, static_cast<std::uint32_t>(done.text.size()), 0,
                  static_cast<std::uint32_t>(done.rules.size()), 0, w.compounds};
        for (std::uint32_t k = id; k != 0; k = steps[k].parent) {
          const Step& st = steps[k];
          if (st.kind == 1) done.text += seen[st.pos - 1];
          else if (st.kind == 2) {
            done.text.append(st.rule->truth.rbegin(), st.rule->truth.rend());
            done.rules.push_back(st.rule);
          } else if (st.kind == 4) done.text += U' ';
        }
        std::reverse(done.text.begin() + out.text_begin, done.text.end());
        out.text_end = static_cast<std::uint32_t>(done.text.size());
        out.rules_end = static_cast<std::uint32_t>(done.rules.size());
        // Compound boundaries in different places spell the same word: keep the likeliest.
        const std::u32string_view text = done.text_of(out);
        if (std::any_of(done.found.begin(), done.found.end(), [&](const Found& d) { return done.text_of(d) == text; })) {
          done.text.resize(out.text_begin);
          done.rules.resize(out.rules_begin);
          continue;
        }
        best_done = std::max(best_done, w.logp);
        if (here == 2 && w.compounds == 0 && w.spaces == 0) best_word = std::max(best_word, w.logp);
        done.found.push_back(out);
      }
      continue;
    }
    // Start a new part where a word ends (not twice in one place, not for a short tail).
    if (!restarted && w.part_len >= 1 && seen.size() - w.pos >= 1) {
      auto dropped_vowel = [&] {
        return trie.tier(trie.child(w.node, U'e')) > 0 || trie.tier(trie.child(w.node, U'a')) > 0;
      };
      auto restart = [&](std::uint8_t kind, double cost) {
        Step r = w;
        r.parent = id;
        r.node = detail::WordTrie::kRoot;
        r.logp += static_cast<float>(cost);
        r.base += static_cast<float>(cost);
        ++(kind == 3 ? r.compounds : r.spaces);
        r.part_len = 0;
        r.kind = kind;
        push(r);
      };
      if (w.part_len >= 3 && seen.size() - w.pos >= 3 && w.compounds < 2 && (here > 0 || dropped_vowel()))
        restart(3, kCompoundLogP);
      if (here > 0 && w.spaces < 2) restart(4, kGlueLogP);
    }
    // Undo a confusion that starts here.
    const Offer& offer = offers[w.pos];
    if (w.edits < kMaxEdits) {
      for (std::uint32_t ri = offer.rules_begin; ri < offer.rules_end; ++ri) {
        const Confusion* rule = rules[ri];
        std::uint32_t node = w.node;
        for (char32_t t : rule->truth) {
          node = trie.child(node, lower_cp(t));
          if (node == detail::WordTrie::kNone) break;
        }
        if (node == detail::WordTrie::kNone) continue;
        Step r = w;
        r.parent = id;
        r.pos += static_cast<std::uint32_t>(rule->seen.size());
        r.node = node;
        r.logp += static_cast<float>(doc.rule_logp[rule->index]);
        ++r.edits;
        r.part_len = static_cast<std::uint16_t>(r.part_len + rule->truth.size());
        r.kind = 2;
        r.rule = rule;
        push(r);
      }
    }
    // Keep the character.
    std::uint32_t next = trie.child(w.node, offer.lower);
    if (next != detail::WordTrie::kNone) {
      const float keep = offer.keep;
      Step k = w;
      k.parent = id;
      k.node = next;
      ++k.pos;
      k.logp += static_cast<float>(keep);
      k.base += static_cast<float>(keep);
      ++k.part_len;
      k.kind = 1;
      k.rule = nullptr;
      push(k);
    }
  }
}

// Whether `word` may begin like a word Hunspell knows, as far as the trie can tell: its first
// kListedPrefix letters (all of a shorter word) begin a listed word, or a listed word and
// then one that begins so (the parts of a compound: "kö|situation").
bool Engine::begins_listed_word(std::u32string_view word, std::size_t from) const {
  std::uint32_t node = detail::WordTrie::kRoot;
  for (std::size_t i = from; i < word.size() && i < kListedPrefix; ++i) {
    if ((node = trie.child(node, lower_cp(word[i]))) == detail::WordTrie::kNone) return false;
    if (i + 1 < kListedPrefix && trie.tier(node) > 0 && begins_listed_word(word, i + 1)) return true;
  }
  return true;
}

// The trie node of a word as lower case, without building the lower-case string.
std::uint32_t Engine::find_lower(std::u32string_view word) const {
  std::uint32_t node = detail::WordTrie::kRoot;
  for (char32_t c : word)
    if ((node = trie.child(node, lower_cp(c))) == detail::WordTrie::kNone) break;
  return node;
}

double Engine::name_weight_of(const Candidate& c) const {
  return c.parts.size() == 1 && !c.parts[0].empty() && is_upper(c.parts[0][0]) ? lexicon->name_weight(to_utf8(c.parts[0]))
                                                                               : 0.0;
}

// The token as it stands, as a reading: every character kept.
Candidate Engine::as_written(const std::u32string& seen, int tier, const DocumentState& doc) const {
  Candidate id;
  id.parts = {seen};
  std::string low = to_utf8(lower32(seen));
  id.ids = {lm.id(low)};
  id.identity = true;
  for (char32_t ch : seen) id.channel += channel_keep(ch, doc);
  id.base = id.channel;
  id.tier = tier;
  id.part_tiers = {static_cast<std::uint8_t>(tier)};
  id.lower = {std::move(low)};
  id.name_weight = name_weight_of(id);
  return id;
}

// All readings of a token (pure: safe to run for many forms in parallel).
std::vector<Candidate> Engine::generate(const std::u32string& seen, const DocumentState& doc) const {
  // A listed word that carries å, ä or ö was read right: an English OCR model never prints
  // those letters, so the form is the page's own spelling ("förslag", "Öresund"). Only the
  // form itself is a reading; the search would only find less likely ones.
  if (std::any_of(seen.begin(), seen.end(), is_swedish_diacritic) && trie.tier(trie.find(lower32(seen))) == 2) {
    std::vector<Candidate> out;
    out.push_back(as_written(seen, 2, doc));
    set_prior(out.back());
    return out;
  }
  thread_local FoundReadings done;
  done.clear();
  walk_trie(seen, doc, done);
  std::sort(done.found.begin(), done.found.end(), [](const Found& a, const Found& b) { return a.logp > b.logp; });
  std::vector<Candidate> out;
  const auto& glue = glue_words();
  thread_local std::string lower;
  const bool listed_name = doc.names.count(lower_utf8(seen, lower)) > 0;
  const bool swedish_seen = swedish_spelling(seen);
  std::size_t verified = 0;
  double best_known = -1e9;  // channel of the likeliest known single word so far
  // Most walks are dropped (unknown compounds of a Swedish-spelled form): decide that from
  // the parts and their tiers first, and build a candidate's strings only when it is kept.
  thread_local std::vector<std::u32string_view> parts;
  thread_local std::vector<std::uint8_t> tiers;
  for (const Found& w : done.found) {
    if (out.size() >= kMaxCandidates) break;
    // Split into the space-separated words.
    parts.clear();
    const std::u32string_view text = done.text_of(w);
    std::size_t start = 0;
    for (std::size_t k = 0; k <= text.size(); ++k)
      if (k == text.size() || text[k] == U' ') {
        parts.push_back(text.substr(start, k - start));
        start = k + 1;
      }
    if (parts.size() > 1) {
      // Glued words: only around a short glue word, never inside a listed name.
      if (listed_name) continue;
      bool ok = true, any_glue = false;
      for (std::size_t k = 0; k < parts.size(); ++k) {
        bool g = glue.count(lower32(parts[k])) > 0;
        any_glue = any_glue || g;
        if (parts[k].size() == 1 && !g) ok = false;
        if (parts.size() == 3 && k == 1 && !g) ok = false;
      }
      if (!ok || !any_glue) continue;
    }
    int tier = 2;
    tiers.clear();
    for (const auto part : parts) {
      int t = trie.tier(find_lower(part));
      // Weak words and compounds the trie built: ask the lexicon (Hunspell) for the likeliest.
      // A change that the search could only spell as three words joined is not asked about:
      // Hunspell almost never says yes to one, and a no costs it every split of
      // a long word. The form as written is asked about all the same ("ledningsgrupps|utbild|
      // ningen" is right as it stands).
      if (t < 2 && verified < kVerifyCandidates && w.logp >= best_known - kVerifyGap) {
        ++verified;
        if (w.compounds < kUncheckedCompounds || text == seen)
          t = std::max(t, tier_of(part));
      }  // a compound Hunspell was not asked about stays unknown: scored by its spelling
      tier = std::min(tier, t);
      tiers.push_back(static_cast<std::uint8_t>(t));
    }
    const bool identity = text == seen;
    const auto rules = done.rules_of(w);
    // Trading a Swedish-spelled unknown form ("Karlegatt") for another unknown one is no fix.
    if (tier == 0 && !identity && swedish_seen) continue;
    if (!identity && respells_name(seen, rules)) continue;
    Candidate c;
    c.tier = tier;
    c.part_tiers.assign(tiers.begin(), tiers.end());
    for (const auto part : parts) {
      c.parts.emplace_back(part);
      std::string low = to_utf8(lower32(part));
      c.ids.push_back(lm.id(low));
      c.lower.push_back(std::move(low));
    }
    c.channel = w.logp;
    c.base = w.base;
    c.rules.assign(rules.begin(), rules.end());
    c.identity = identity;
    if (c.identity) {  // the token as written: no compound boundary costs
      c.channel = c.base = 0;
      for (char32_t ch : seen) c.channel += channel_keep(ch, doc);
      c.base = c.channel;
      c.rules.clear();
    }
    if (c.tier == 2 && c.parts.size() == 1) best_known = std::max(best_known, c.channel);
    c.name_weight = name_weight_of(c);
    out.push_back(std::move(c));
  }
  // Inflected forms that only Hunspell knows ("vägarna") are not in the trie: when the search
  // found no known word, try the likeliest plain variants against the lexicon.
  if (std::none_of(out.begin(), out.end(), [](const Candidate& c) { return c.tier == 2 && c.parts.size() == 1; }))
    add_lexicon_variants(seen, doc, out);
  // The token as it stands is always a candidate.
  if (std::none_of(out.begin(), out.end(), [](const Candidate& c) { return c.identity; })) {
    out.push_back(as_written(seen, tier_of(seen), doc));
  }
  // A form that is not Swedish spelling ("Hjelmstrém") was misread even when no lexicon
  // knows what it should be (names): Swedish-spelled readings that differ only where the
  // form is not Swedish compete too, scored by how Swedish they look.
  if (!swedish_spelling(seen) && !(out.size() > 1 && out.front().tier == 2)) add_respellings(seen, doc, out);
  for (Candidate& c : out) set_prior(c);
  return out;
}

// Variants of `seen` without the trie: each character kept or a confusion undone (those
// `use_rule` allows, at most `max_edits`), likeliest first. For the two fallbacks below.
template <class RuleFilter>
std::vector<Walk> Engine::plain_variants(const std::u32string& seen, const DocumentState& doc, int max_edits,
                                 std::size_t limit, RuleFilter use_rule) const {
  // Depth first along one path that grows and shrinks (no copy per branch): the character
  // kept first, then the confusions from last to first.
  std::vector<Walk> done;
  Walk path;
  auto dfs = [&](auto&& self, std::size_t pos, int edits) -> void {
    if (done.size() >= limit || path.logp < kMinLogP) return;
    if (pos == seen.size()) {
      if (edits > 0) done.push_back(path);
      return;
    }
    const Walk saved{{}, path.logp, path.base, {}};
    const std::size_t length = path.text.size();
    const double keep = channel_keep(seen[pos], doc);
    path.text += seen[pos];
    path.logp += keep;
    path.base += keep;
    self(self, pos + 1, edits);
    path.text.resize(length);
    path.logp = saved.logp;
    path.base = saved.base;
    if (edits >= max_edits) return;
    const auto& rules = confusions.starting_with(seen[pos]);
    for (auto it = rules.rbegin(); it != rules.rend(); ++it) {
      const Confusion* rule = *it;
      if (!use_rule(*rule) || seen.compare(pos, rule->seen.size(), rule->seen) != 0) continue;
      path.text += rule->truth;
      path.logp += doc.rule_logp[rule->index];
      path.rules.push_back(rule);
      self(self, pos + rule->seen.size(), edits + 1);
      path.rules.pop_back();
      path.text.resize(length);
      path.logp = saved.logp;
      path.base = saved.base;
    }
  };
  dfs(dfs, 0, 0);
  std::sort(done.begin(), done.end(), [](const Walk& a, const Walk& b) { return a.logp > b.logp; });
  return done;
}

Candidate Engine::single_word(Walk&& w, int tier) const {
  Candidate c;
  c.parts = {std::move(w.text)};
  c.lower = {to_utf8(lower32(c.parts.front()))};
  c.ids = {lm.id(c.lower.front())};
  c.channel = w.logp;
  c.base = w.base;
  c.rules = std::move(w.rules);
  c.tier = tier;
  c.part_tiers = {static_cast<std::uint8_t>(tier)};
  c.name_weight = name_weight_of(c);
  return c;
}

// Inflected forms only Hunspell knows: the likeliest plain variants, put to the lexicon.
void Engine::add_lexicon_variants(const std::u32string& seen, const DocumentState& doc, std::vector<Candidate>& out) const {
  auto variants = plain_variants(seen, doc, kLexiconVariantEdits, kLexiconVariantLimit,
                                 [&](const Confusion& r) { return doc.rule_logp[r.index] >= kLexiconRuleLogP; });
  if (variants.size() > kLexiconRanked) variants.resize(kLexiconRanked);  // the likeliest, before the costlier ranking
  // Hunspell is asked about few: rank by how likely and how Swedish-looking the reading is.
  std::vector<std::pair<double, std::size_t>> ranked;
  for (std::size_t k = 0; k < variants.size(); ++k)
    ranked.emplace_back(variants[k].logp + kLexiconSpellingWeight * lm.log_spelling(to_utf8(lower32(variants[k].text))), k);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<Walk> ordered;
  for (const auto& [score, k] : ranked) ordered.push_back(std::move(variants[k]));
  variants = std::move(ordered);
  std::size_t asked = 0;
  for (auto& v : variants) {
    if (asked >= kLexiconVariants) break;
    if (std::any_of(out.begin(), out.end(), [&](const Candidate& c) { return c.parts.size() == 1 && c.parts[0] == v.text; }))
      continue;
    if (respells_name(seen, v.rules)) continue;
    ++asked;
    int t = tier_of(v.text);
    if (t > 0) out.push_back(single_word(std::move(v), t));
  }
}

// Readings of a form that is not Swedish spelling, changed only where it is not.
void Engine::add_respellings(const std::u32string& seen, const DocumentState& doc, std::vector<Candidate>& out) const {
  auto variants =
      plain_variants(seen, doc, kRespellingEdits, kRespellingLimit, [](const Confusion& r) { return !swedish_spelling(r.seen); });
  std::size_t kept = 0;
  for (auto& v : variants)
    if (kept < kUnknownCandidates && swedish_spelling(v.text)) {
      out.push_back(single_word(std::move(v), 0));
      ++kept;
    }
}

}  // namespace protokoll::repair
