// Scoring: the channel (how likely OCR printed the form for a reading) and the prior (how
// likely the reading is as a word, before context), adapted to one document.
#include <algorithm>
#include <cmath>

#include "repair/engine.hpp"
#include "text/chars.hpp"

namespace protokoll::repair {

int Engine::tier_of(std::u32string_view cased) const {
  // Every word a list gives is in the trie, and Hunspell's sv_SE has no prefix rules: a word
  // it knows begins like its stem, and a compound like its first part. A form that begins
  // like no word the trie lists ("férvaltningen", "åerken") is not put to Hunspell, whose
  // no's are the expensive answers (it tries every compound split).
  if (!begins_listed_word(cased)) return 0;
  const std::string word = to_utf8(cased);
  auto k = lexicon->lookup(word);
  // Hunspell accepts "Förslag" and "FÖRSLAG" when it accepts "förslag": asking again in lower
  // case only helps an odd mix ("fÖrslag").
  if (k == Lexicon::Known::no && cased.size() > 1 && case_pattern(word) == CasePattern::mixed)
    k = lexicon->lookup(to_utf8(lower32(cased)));
  return static_cast<int>(k);
}

double Engine::channel_rule(const Confusion& rule, const DocumentState& doc) const {
  double lp = rule.log_prob;
  // A lost å/ä/ö is as likely as the document's loss says, whatever the table learned.
  if (rule.truth.size() == 1 && is_swedish_diacritic(rule.truth[0])) {
    double keep = std::pow(10.0, confusions.log_keep(rule.truth[0]));
    double share = std::pow(10.0, rule.log_prob) / std::max(1e-6, 1 - keep);
    lp = std::log10(std::max(1e-9, doc.strip * std::min(1.0, share)));
  }
  // A confusion confirmed in this document is likelier here; one of several characters
  // ("ä" -> "da") needs two confirmations, a single misread letter one. How much likelier
  // depends on the count per length (tuning::kAdaptWords).
  if (auto it = doc.confirmed.find(&rule); it != doc.confirmed.end() && (rule.seen.size() == 1 || it->second >= 2))
    lp = std::max(lp, std::log10(it->second / (it->second + tuning::kAdaptPrior + doc.words / tuning::kAdaptWords)));
  return lp;
}

void Engine::compute_rule_logps(DocumentState& doc) const {
  doc.rule_logp.resize(confusions.size());
  confusions.for_each([&](const Confusion& r) { doc.rule_logp[r.index] = channel_rule(r, doc); });
}

double Engine::channel_keep(char32_t c, const DocumentState& doc) const {
  if (is_swedish_diacritic(c)) return std::log10(std::max(1e-3, 1 - doc.strip));
  return confusions.log_keep(c);
}

// Its language model count, a floor for words only a lexicon knows, document evidence, and for
// a capitalized name how common the name is (help texts name no one: "Bäckström" is rarer there
// than "backström" is, not in Sweden); a word no lexicon knows is as likely as its spelling.
double Engine::word_prior(const std::string& lower, int id, int tier, double extra_count) const {
  double count = static_cast<double>(lm.count(id)) + extra_count;
  const double n = static_cast<double>(std::max<std::uint64_t>(1, lm.total()));
  if (tier == 0 && count == 0) return tuning::kLogUnknownWord + lm.log_spelling(lower);
  count += tier == 2 ? tuning::kKnownWordCount : tier == 1 ? tuning::kWeakWordCount : 0.0;
  return std::log10(count / n);
}

// Its parts' priors and the association between its parts.
double Engine::fixed_score(const Candidate& c, const std::unordered_map<std::string, int>* intact) const {
  double fixed = 0;
  const double name_weight = c.name_weight * reference_scale();
  for (std::size_t k = 0; k < c.lower.size(); ++k) {
    double extra = c.parts.size() == 1 ? name_weight + c.evidence : 0.0;
    if (intact)
      if (auto it = intact->find(c.lower[k]); it != intact->end()) extra += tuning::kIntactWordWeight * it->second;
    fixed += word_prior(c.lower[k], c.ids[k], c.part_tiers[k], extra);
  }
  for (std::size_t k = 1; k < c.ids.size(); ++k) fixed += lm.log_association(c.ids[k - 1], c.ids[k]);
  return fixed;
}

// Once per reading: a reading is shared by the documents of a run, and the spelling model of
// an unknown word is not cheap; a document adds its evidence in pack().
void Engine::set_prior(Candidate& c) const {
  c.prior = fixed_score(c, nullptr);
  c.diacritics = std::any_of(c.parts.begin(), c.parts.end(), [](const std::u32string& p) {
    return std::any_of(p.begin(), p.end(), is_swedish_diacritic);
  });
}

// A form's readings scored for this document: priors from its evidence (a reading may have been
// found for another document), the channel as found or, once the document's confusions are
// known (`adapted`), from the rules the reading undid. Adapting changes only the channel: the
// readings scored before (a list only grows, see adapt.cpp) keep the rest.
bool Engine::pack(DocumentState& doc, std::size_t form, bool adapted) const {
  const std::span<Scored> out = doc.scored[form];
  const ReadingSet& set = *doc.readings[form];
  // Readings new to this document's scores (all, or those adapting appended since the first
  // round) start from the set's, with the document's evidence.
  const std::size_t first_new = adapted ? doc.scored.filled(form) : 0;
  std::copy(set.base.begin() + static_cast<long>(first_new), set.base.end(), out.begin() + static_cast<long>(first_new));
  doc.scored.filled(form) = static_cast<std::uint32_t>(set.base.size());
  if (!doc.intact.empty())
    for (const std::uint16_t k : set.with_diacritics) {
      const Candidate& c = set.cands[k];
      if (k >= first_new &&
          std::any_of(c.lower.begin(), c.lower.end(), [&](const std::string& w) { return doc.intact.count(w) > 0; }))
        out[k].fixed_score = fixed_score(c, &doc.intact);
    }
  if (!adapted) return false;
  bool changed = first_new < out.size();
  // Adapting changed the weight of none of its confusions: each channel would come out the
  // same sum, to the last bit.
  if (!changed && (set.rule_bits & doc.changed_rule_bits) == 0) return false;
  for (std::size_t k = 0; k < out.size(); ++k) {
    const double channel = set.channel(k, doc.rule_logp);
    changed |= out[k].channel != channel;
    out[k].channel = channel;
  }
  return changed;
}

}  // namespace protokoll::repair
