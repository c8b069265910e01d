// Readings: every distinct word form of the document once, its readings found in the reading
// cache (shared by the documents of a run) or searched (candidates.cpp), scored for this
// document (scoring.cpp), and a choice per word that the decisions fill.
#include <stdexcept>

#include "repair/engine.hpp"
#include "text/chars.hpp"

namespace protokoll::repair {

using namespace tuning;

void find_readings(const Engine& engine, DocumentState& doc) {
  std::vector<LineWork>& lines = doc.lines;
  auto& facts = doc.facts;
  auto& order = doc.order;
  // Every distinct form once, generated in parallel: the search is the expensive part.
  std::vector<std::u32string_view> forms;  // into the lines' text, which stays put from here on
  std::vector<std::uint32_t> form_of;      // per entry of `order`
  {
    FormIndex ids(forms);
    for (std::size_t li = 0; li < lines.size(); ++li) {
      const auto& lw = lines[li];
      for (std::size_t ti = 0; ti < lw.tokens.size(); ++ti) {
        const Token& t = lw.tokens[ti];
        if (!t.word) continue;
        ++doc.word_tokens;
        if (order.size() >= INT32_MAX) throw std::length_error("repair: too many words in one text");
        if (t.fixed) continue;
        form_of.push_back(ids.add(std::u32string_view(lw.text).substr(t.begin, t.end - t.begin)));
        lines[li].tokens[ti].slot = static_cast<std::int32_t>(order.size());
        order.emplace_back(static_cast<std::uint32_t>(li), static_cast<std::uint32_t>(ti));
      }
    }
  }
  const bool share = engine.options.share_readings;
  doc.readings.resize(forms.size());
  doc.owned.resize(forms.size());
  facts.resize(forms.size());
  doc.for_blocks(forms.size(), 64, [&](const auto& range) {
    // The keys of a block of forms first, and the cache's memory for all of them asked for
    // before any is looked up (see ReadingCache::prefetch): a page file finds most of its
    // forms there, and one lookup after another waited on each miss.
    std::vector<std::pair<ReadingCache::Key, std::uint64_t>> keys;
    keys.reserve(range.size());
    std::string lower;
    for (std::size_t i = range.begin(); i < range.end(); ++i) {
      const bool listed = !doc.names.empty() && doc.names.count(lower_utf8(forms[i], lower)) > 0;
      facts[i].listed = listed;
      const auto key = ReadingCache::key(forms[i], doc.strip, listed);
      keys.emplace_back(key, ReadingCache::hash(key));
    }
    if (share)
      for (int step = 0; step < ReadingCache::kPrefetchSteps; ++step)
        for (const auto& [key, h] : keys) engine.reading_cache.prefetch(h, step);
    for (std::size_t i = range.begin(); i < range.end(); ++i) {
      const auto& [key, h] = keys[i - range.begin()];
      if (!share || !(doc.readings[i] = engine.reading_cache.find(key, h))) {
        auto set = std::make_shared<ReadingSet>();
        for (Candidate& c : engine.generate(std::u32string(forms[i]), doc)) set->add(std::move(c));
        set->sum_channels(doc.rule_logp);
        doc.readings[i] = set.get();
        if (!share || !engine.reading_cache.insert(key, set)) doc.owned[i] = std::move(set);
      }
      FormFacts& f = facts[i];
      f.identity = doc.readings[i]->identity;
      f.capitalized = is_upper(forms[i][0]) && !all_upper(forms[i]);
      f.tier = doc.readings[i]->base[f.identity].tier;
    }
  });
  doc.scored.lay_out(doc.readings);
  doc.for_blocks(forms.size(), 256, [&](const auto& range) {
    for (std::size_t i = range.begin(); i < range.end(); ++i) engine.pack(doc, i, false);
  });
  doc.choices.resize(order.size());
  doc.for_each_index(order.size(), [&](std::size_t i) {
    const auto [li, ti] = order[i];
    Choice& ch = doc.choices[i];
    ch.form = form_of[i];
    ch.cands = &doc.readings[ch.form]->cands;
    const FormFacts& f = facts[ch.form];
    ch.identity = f.identity;
    if (f.capitalized) {
      ch.listed_name = f.listed;
      // A proper noun inside a sentence stays as written unless a reading is clearly better.
      if (f.tier == 2 && !f.listed && !sentence_start(lines[li], ti)) ch.identity_bonus = kIdentityNameBonus;
    }
  });
}

}  // namespace protokoll::repair
