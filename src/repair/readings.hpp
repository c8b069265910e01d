// The readings of word forms and their scores (internal to the repair stage): what the
// candidate search finds for a form, shared between the documents of a run, and what each
// document scores them.
#pragma once

#include <atomic>
#include <cmath>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/confusion_model.hpp"

namespace protokoll::repair {

// One way to read a token: one word, or several when OCR glued them.
struct Candidate {
  std::vector<std::u32string> parts;  // as output (cased)
  std::vector<std::string> lower;     // UTF-8 lower-case, for lexicon and language model
  std::vector<int> ids;               // language model ids of `lower`
  double channel = 0;                 // log10 P(seen | candidate)
  double base = 0;                    // the part of `channel` that is not confusion rules
  std::vector<const Confusion*> rules;  // confusions undone to reach it (for adaptation)
  bool identity = false;              // the token as it stands
  int tier = 0;                       // worst lexicon tier of the parts: 0 unknown, 1 weak, 2 known
  std::vector<std::uint8_t> part_tiers;  // the tier of each part (each document's priors use it)
  double name_weight = 0;             // a one-word reading that is a listed name as written: how common
  double evidence = 0;                // a pseudo count: the document settled this word elsewhere
  double prior = 0;                   // fixed score without document evidence (Engine::set_prior)
  bool diacritics = false;            // a part has å, ä or ö: only such words are document evidence
};

// What a decision reads of a reading, for one document: its channel (adapted to the document
// after the first round) and its context-free score with the document's priors.
struct Scored {
  double channel, fixed_score;
  int first_id, last_id;
  std::uint8_t tier;  // of the reading (copied here: a decision reads only this array)
  bool name;          // a listed name as written (name_weight > 0)
};

// A form's readings, with what every document's scores for them start from. The reading cache
// shares a set between the documents of a run, and each document scores every form it has:
// starting from `base` it reads a reading itself only where its own evidence may apply.
struct ReadingSet {
  std::vector<Candidate> cands;
  std::vector<Scored> base;                    // per reading: the scores without document evidence
  std::vector<std::uint16_t> with_diacritics;  // readings with å/ä/ö (only they can be evidence)
  // Each reading's channel as the sum of its fixed part and its confusions' weights, which
  // adapting to a document changes: the confusions of reading k are rules[rules_end[k - 1],
  // rules_end[k]) (confusion indices).
  std::vector<double> channel_base;
  std::vector<std::uint32_t> rules_end, rules;
  std::uint64_t rule_bits = 0;  // bit (index mod 64) of every confusion in `rules`
  std::uint16_t identity = 0;  // the reading "as written"
  // `c` with its prior set (Engine::set_prior).
  void add(Candidate c) {
    const auto k = static_cast<std::uint16_t>(cands.size());
    base.push_back({c.channel, c.prior, c.ids.front(), c.ids.back(), static_cast<std::uint8_t>(c.tier), c.name_weight > 0});
    channel_base.push_back(c.base);
    for (const Confusion* r : c.rules) {
      rules.push_back(static_cast<std::uint32_t>(r->index));
      rule_bits |= std::uint64_t{1} << (r->index % 64);
    }
    rules_end.push_back(static_cast<std::uint32_t>(rules.size()));
    if (c.diacritics) with_diacritics.push_back(k);
    if (c.identity) identity = k;
    cands.push_back(std::move(c));
  }
  // Reading k's channel for a document whose confusions weigh `rule_logp`.
  double channel(std::size_t k, const std::vector<double>& rule_logp) const {
    double sum = channel_base[k];
    for (std::uint32_t r = k ? rules_end[k - 1] : 0; r < rules_end[k]; ++r) sum += rule_logp[rules[r]];
    return sum;
  }
  // The channels as that sum rather than as the search added them up (in floats): adapting to
  // a document sums them again, and a reading none of whose confusions it changed then keeps
  // its score to the last bit, so the decisions that read only such readings stand.
  void sum_channels(const std::vector<double>& rule_logp) {
    for (std::size_t k = 0; k < base.size(); ++k) base[k].channel = channel(k, rule_logp);
  }
};

// Every form's scores for one document in one array, a slice per form: a page file scores
// about a thousand forms, and a vector each was an allocation per form per page.
class ScoredForms {
 public:
  /// A slice per form, as long as its reading set; none filled yet.
  void lay_out(const std::vector<const ReadingSet*>& readings) {
    begin_.resize(readings.size());
    size_.resize(readings.size());
    filled_.assign(readings.size(), 0);
    std::size_t total = 0;
    for (std::size_t f = 0; f < readings.size(); ++f) {
      begin_[f] = total;
      size_[f] = static_cast<std::uint32_t>(readings[f]->cands.size());
      total += size_[f];
    }
    all_.resize(total);
  }
  std::span<Scored> operator[](std::size_t form) { return {all_.data() + begin_[form], size_[form]}; }
  std::span<const Scored> operator[](std::size_t form) const { return {all_.data() + begin_[form], size_[form]}; }
  /// How many of a form's scores hold values (the rest are readings added since).
  std::uint32_t& filled(std::size_t form) { return filled_[form]; }
  /// A longer slice for a form whose reading set grew, at the end, with its scores so far.
  void grow(std::size_t form, std::size_t size) {
    if (size <= size_[form]) return;
    const std::size_t at = all_.size();
    all_.resize(at + size);
    std::copy_n(all_.begin() + static_cast<long>(begin_[form]), filled_[form], all_.begin() + static_cast<long>(at));
    begin_[form] = at;
    size_[form] = static_cast<std::uint32_t>(size);
  }

 private:
  std::vector<Scored> all_;
  std::vector<std::size_t> begin_;
  std::vector<std::uint32_t> size_, filled_;
};

// Readings of word forms across documents: an archive of page files repeats most forms on
// every page. The search depends on the document only through its diacritic loss (a step
// of 1/20) and whether the form is a listed name; priors are redone per document. Bounded:
// the first forms seen (the frequent ones) stay.
class ReadingCache {
 public:
  static constexpr std::size_t kMaxForms = 30000;
  // A form's readings depend on the form, the document's diacritic loss in steps of 1/20 and
  // whether the document lists the form as a name: the last two are one tag.
  struct Key {
    std::u32string_view form;
    std::uint32_t tag;
  };
  static Key key(std::u32string_view form, double strip, bool listed) {
    return {form, static_cast<std::uint32_t>(2 * std::lround(strip * 100) + (listed ? 1 : 0))};
  }
  using Readings = std::shared_ptr<const ReadingSet>;
  // Every document looks up each of its forms (a page file ~1,000), so lookups take no lock:
  // open addressing in a table that never grows (twice kMaxForms slots) and loses nothing, a
  // slot published by storing its hash last. What is found is the cache's own (it keeps every
  // set until the repairer goes), lent without a reference count: counting, the two cores
  // bounced the counts of the common forms between them (half of a page file's lookups).
  const ReadingSet* find(Key k) const { return find(k, hash(k)); }
  const ReadingSet* find(Key k, std::uint64_t h) const {  // h: hash(k)
    for (std::size_t i = h & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
      const std::uint64_t stored = slots_[i].hash.load(std::memory_order_acquire);
      if (stored == 0) return nullptr;
      if (stored == h && holds(*slots_[i].entry, k)) return slots_[i].entry->readings.get();
    }
  }
  // Whether the cache took the set (not when full, or when another thread put the same key
  // in first): if not, the caller keeps owning it.
  bool insert(Key k, const Readings& readings) {
    const std::uint64_t h = hash(k);
    std::lock_guard lock(insert_mutex_);
    if (entries_.size() >= kMaxForms) return false;
    for (std::size_t i = h & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
      const std::uint64_t stored = slots_[i].hash.load(std::memory_order_relaxed);
      if (stored == 0) {
        entries_.push_back(std::make_unique<Entry>(Entry{std::u32string(k.form), k.tag, readings}));
        slots_[i].entry = entries_.back().get();
        slots_[i].hash.store(h, std::memory_order_release);
        return true;
      }
      if (stored == h && holds(*slots_[i].entry, k)) return false;
    }
  }

  // A lookup reads a slot, then its entry, then the entry's form, and the caller then reads
  // the set and its score "as written": cache misses in a row. Asked for many keys before any
  // is looked up, these hints let the misses of different keys overlap: `step` 0 fetches the
  // slot, 1 the entry, 2 the form and the set, 3 the set's scores (each after the one before).
  static constexpr int kPrefetchSteps = 4;
  void prefetch(std::uint64_t h, int step) const {
    const Slot& slot = slots_[h & (kSlots - 1)];
    if (step == 0) {
      __builtin_prefetch(&slot);
      return;
    }
    const Entry* e = slot.hash.load(std::memory_order_acquire) ? slot.entry : nullptr;
    if (!e) return;
    if (step == 1) {
      __builtin_prefetch(e);
    } else if (step == 2) {
      __builtin_prefetch(e->form.data());
      __builtin_prefetch(e->readings.get());
    } else {
      __builtin_prefetch(e->readings->base.data() + e->readings->identity);
    }
  }
  static std::uint64_t hash(Key k) {
    const std::uint64_t h =
        std::hash<std::u32string_view>{}(k.form) ^ (static_cast<std::uint64_t>(k.tag) * 0x9E3779B97F4A7C15ull);
    return h ? h : 1;
  }

 private:
  static constexpr std::size_t kSlots = 65536;  // a power of two, at least 2 * kMaxForms
  static_assert(kSlots >= 2 * kMaxForms && (kSlots & (kSlots - 1)) == 0);
  struct Entry {
    std::u32string form;
    std::uint32_t tag;
    Readings readings;
  };
  static bool holds(const Entry& e, Key k) { return e.tag == k.tag && e.form == k.form; }
  struct Slot {
    std::atomic<std::uint64_t> hash{0};  // 0: empty
    const Entry* entry = nullptr;
  };
  std::unique_ptr<Slot[]> slots_ = std::make_unique<Slot[]>(kSlots);
  std::mutex insert_mutex_;
  std::vector<std::unique_ptr<Entry>> entries_;
};

// A text's distinct word forms (views into its lines: a page file has a thousand, and a copy
// each was an allocation per form per page), numbered in order of first appearance. Every word of the text
// is looked up (800k in the 5 MB archive), so the table is flat: open addressing over the
// forms' hashes, at most half full, instead of a node per form.
class FormIndex {
 public:
  explicit FormIndex(std::vector<std::u32string_view>& forms) : forms_(forms), slots_(4096, Slot{0, kEmpty}) {}
  std::uint32_t add(std::u32string_view form) {
    if (2 * (forms_.size() + 1) > slots_.size()) grow();
    const std::uint64_t h = hash(form);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.index == kEmpty) {
        slot = Slot{h, static_cast<std::uint32_t>(forms_.size())};
        forms_.emplace_back(form);
        return slot.index;
      }
      if (slot.hash == h && forms_[slot.index] == form) return slot.index;
    }
  }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    std::uint64_t hash;
    std::uint32_t index;
  };
  static std::uint64_t hash(std::u32string_view form) {
    std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a over code points, then mixed
    for (char32_t c : form) h = (h ^ c) * 0x100000001b3ull;
    return h ^ (h >> 32);
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2, Slot{0, kEmpty});
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.index == kEmpty) continue;
      std::size_t i = slot.hash & mask;
      while (slots_[i].index != kEmpty) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }
  std::vector<std::u32string_view>& forms_;
  std::vector<Slot> slots_;
};

}  // namespace protokoll::repair
