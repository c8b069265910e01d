// Adaptation: what the document settled, used for the rest of it. The confusions behind its
// confident repairs are likelier here ("medarbetarenkit" -> "medarbetarenkät" makes "hinder" ->
// "händer" thinkable); a name settled on a list reads its other misreadings ("Hjelmstréom");
// a word written with å/ä/ö, or given back by a clear repair, reads the forms that lost them
// another way (TICCL's document lexicon: "Egoforedrag", "gidllande"). Then the words are
// decided again.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "repair/engine.hpp"
#include "repair/steps.hpp"
#include "text/chars.hpp"

namespace protokoll::repair {

using namespace tuning;

// Edit distance after folding what OCR confuses (é, 6, 0 to o and e; å, ä, ö to a and o), so
// that "Hjelmstréom" is one letter from "Hjelmström".
std::size_t folded_distance(std::u32string_view a, std::u32string_view b) {
  auto fold = [](std::u32string_view s) {
    std::u32string out;
    for (char32_t c : s) {
      const char32_t l = lower_cp(c);
      out += l == U'6' || l == U'0' ? U'o' : ascii_letter(l);
    }
    return out;
  };
  std::u32string x = fold(a), y = fold(b);
  if (x.size() > y.size() + 1 || y.size() > x.size() + 1) return 2;
  return edit_distance(x, y);
}

// Whether `seen` (lower case) reads `word` (lower case, with å/ä/ö) with its å/ä/ö stripped to
// a/o, and at most one of them misread as one or two other characters ("gidllande" for
// "gällande", "0Okad" for "ökad"): the misreadings of those letters are too many and too rare
// for the confusion table to list them all.
bool misreads_diacritics(std::u32string_view word, std::u32string_view seen, bool wildcard_used) {
  if (word.empty()) return seen.empty();
  const char32_t w = word[0];
  if (!seen.empty() && (seen[0] == w || seen[0] == stripped_letter(w)) &&
      misreads_diacritics(word.substr(1), seen.substr(1), wildcard_used))
    return true;
  if (wildcard_used || !is_swedish_diacritic(w)) return false;
  for (std::size_t n = 1; n <= 2 && n <= seen.size(); ++n)
    if (misreads_diacritics(word.substr(1), seen.substr(n), true)) return true;
  return false;
}

namespace {

// Lookup keys for misreads_diacritics(): a word with one of its å/ä/ö (or a form with one or
// two of its characters) replaced by a gap, and everything else stripped to a/o. A form and a
// word it may misread share a key.
constexpr char32_t kGap = 0x1;
void stripped_key(std::u32string_view before, std::u32string_view after, std::u32string& key) {
  key.clear();
  for (char32_t c : before) key += stripped_letter(c);
  key += kGap;
  for (char32_t c : after) key += stripped_letter(c);
}

}  // namespace

namespace {

// The two steps after confirming give a form one more reading. Its list may be shared with the
// cache and other documents, so the form gets a copy with the reading appended (the indices of
// the others hold); the old list is gone when nothing else shared it, so until the decisions are
// pointed at the new lists again, a step reads a form's list through doc.readings.
struct Extension {
  const Engine& engine;
  DocumentState& doc;
  // The forms no lexicon knows as written that a word of them was left as: each form once
  // (the steps only add to its readings, so the order does not matter).
  std::vector<char> unresolved;
  bool extended_any = false;

  Extension(const Engine& engine, DocumentState& doc) : engine(engine), doc(doc), unresolved(doc.readings.size(), 0) {
    for (const Choice& ch : doc.choices)
      if (doc.facts[ch.form].tier == 0 && !unresolved[ch.form] && doc.scored[ch.form][ch.best].tier == 0)
        unresolved[ch.form] = 1;  // packed scores: those of the readings before the steps
  }
  void extend_readings(std::uint32_t form, Candidate c) {
    engine.set_prior(c);
    auto extended = std::make_shared<ReadingSet>(*doc.readings[form]);
    extended->add(std::move(c));
    doc.scored.grow(form, extended->cands.size());
    doc.readings[form] = extended.get();
    doc.owned[form] = std::move(extended);
    extended_any = true;
  }
};

// The confusions behind the document's confident repairs (an unknown form turned into a known
// word by a wide margin) are likelier here.
void confirm_confusions(DocumentState& doc) {
  auto& choices = doc.choices;
  const auto& facts = doc.facts;
  doc.words = static_cast<double>(choices.size());
  // These loops visit every word: they test what the choice and the packed scores hold first
  // and read a reading itself only for the few that pass.
  for (const Choice& ch : choices) {
    if (ch.best == ch.identity || ch.best_score - ch.identity_score < kConfirmMargin || facts[ch.form].tier != 0) continue;
    if (doc.scored[ch.form][ch.best].tier != 2) continue;
    const Candidate& best = (*ch.cands)[ch.best];
    if (best.parts.size() == 1)
      for (const Confusion* r : best.rules) ++doc.confirmed[r];
  }
}

void read_settled_names(Extension& ext) {
  const Engine& engine = ext.engine;
  DocumentState& doc = ext.doc;
  const auto& choices = doc.choices;
  const auto& facts = doc.facts;
  const auto& lines = doc.lines;
  const auto& unresolved = ext.unresolved;
  auto extend_readings = [&](std::uint32_t form, Candidate c) { ext.extend_readings(form, std::move(c)); };
  // Names the lists settled ("Hjelmstrém" read as "Hjelmström") are evidence for the same
  // name misread another way elsewhere ("Hjelmstréom"): a capitalized word no lexicon knows
  // that folds to one of them within one letter gets that name as a candidate.
  std::vector<std::u32string> settled;
  for (std::size_t li = 0; li < lines.size(); ++li) {
    if (!lines[li].name_list) continue;
    for (const Token& t : lines[li].tokens) {
      if (t.slot < 0) continue;
      const Choice& ch = choices[static_cast<std::size_t>(t.slot)];
      const Candidate& c = (*ch.cands)[ch.best];
      if (c.parts.size() == 1 && c.parts[0].size() >= kSettledNameLength && is_upper(c.parts[0][0]) && swedish_spelling(c.parts[0]))
        settled.push_back(c.parts[0]);
    }
  }
  std::sort(settled.begin(), settled.end());
  settled.erase(std::unique(settled.begin(), settled.end()), settled.end());
  for (std::uint32_t form = 0; form < unresolved.size() && !settled.empty(); ++form) {
    if (!unresolved[form]) continue;
    const auto& cands = doc.readings[form]->cands;  // as it is now (see extend_readings)
    const Candidate& id = cands[facts[form].identity];
    if (!is_upper(id.parts[0][0])) continue;
    for (const auto& name : settled) {
      if (name == id.parts[0] || folded_distance(name, id.parts[0]) > 1) continue;
      const auto& list = doc.readings[form]->cands;
      if (std::any_of(list.begin(), list.end(), [&](const Candidate& c) { return c.parts[0] == name; })) continue;
      Walk w;
      w.text = name;
      w.logp = w.base = kNameMatchLogP;
      extend_readings(form, engine.single_word(std::move(w), 2));
      break;
    }
  }
}

void read_document_lexicon(Extension& ext) {
  const Engine& engine = ext.engine;
  DocumentState& doc = ext.doc;
  const auto& choices = doc.choices;
  const auto& facts = doc.facts;
  const auto& unresolved = ext.unresolved;
  auto extend_readings = [&](std::uint32_t form, Candidate c) { ext.extend_readings(form, std::move(c)); };
  // Words the document settled are evidence for the same word misread another way elsewhere
  // in it (TICCL's document lexicon): a form no lexicon knows that reads a word written with
  // å/ä/ö in the document, or one a clear repair gave back, with those letters stripped or
  // one of them misread ("Egoforedrag" where "Egofoéredrag" became "Egoföredrag", "gidllande"
  // where "gällande" stands) gets that word as a candidate, as likely as the document's use.
  // The forms that may read such a word (a handful in a page): unresolved, of four letters or
  // more, not a listed name. Only the words that give a key one of them looks up are
  // collected: a page settles a few hundred words, and most match nothing.
  std::vector<std::pair<std::uint32_t, std::u32string>> open;  // form, as written in lower case
  for (std::uint32_t form = 0; form < unresolved.size(); ++form) {
    if (!unresolved[form]) continue;
    const Candidate& id = doc.readings[form]->cands[facts[form].identity];  // as it is now (see extend_readings)
    if (id.parts[0].size() < kSettledFormLength || doc.names.count(id.lower[0])) continue;
    open.emplace_back(form, lower32(id.parts[0]));
  }
  std::u32string key;
  std::unordered_set<std::u32string> wanted;
  for (const auto& [form, seen] : open) {
    const std::u32string_view sv(seen);
    for (std::size_t i = 0; i < sv.size(); ++i)
      for (std::size_t n = 1; n <= 2 && i + n <= sv.size(); ++n) {
        stripped_key(sv.substr(0, i), sv.substr(i + n), key);
        wanted.insert(key);
      }
  }
  // Calls f(key) for each key a settled word gives: one per letter å/ä/ö, taken out.
  auto for_each_key = [&](const std::u32string& w, auto&& f) {
    if (w.size() < kSettledFormLength) return;
    for (std::size_t p = 0; p < w.size(); ++p)
      if (is_swedish_diacritic(w[p])) {
        stripped_key(std::u32string_view(w).substr(0, p), std::u32string_view(w).substr(p + 1), key);
        f(key);
      }
  };
  auto is_wanted = [&](const std::u32string& w) {
    bool any = false;
    for_each_key(w, [&](const std::u32string& k) { any = any || wanted.count(k) > 0; });
    return any;
  };
  // word (lower case) -> how often the document settled it
  std::unordered_map<std::u32string, double> settled;
  if (!wanted.empty()) {
    for (const auto& [word, n] : doc.intact)
      if (std::u32string w = to_u32(word); is_wanted(w)) settled[w] += n;
    // Clear repairs counted per (form, reading) first: one word's string built once, not per word.
    std::unordered_map<std::uint64_t, std::uint32_t> repairs;
    for (const Choice& ch : choices)
      if (ch.best != ch.identity && ch.best_score - ch.identity_score >= kSettledMargin)
        ++repairs[static_cast<std::uint64_t>(ch.form) << 16 | ch.best];
    for (const auto& [form_reading, n] : repairs) {
      const Candidate& c = doc.readings[form_reading >> 16]->cands[form_reading & 0xffff];
      if (c.parts.size() == 1 && std::any_of(c.parts[0].begin(), c.parts[0].end(), is_swedish_diacritic))
        if (std::u32string w = lower32(c.parts[0]); is_wanted(w)) settled[w] += n;
    }
  }
  std::unordered_map<std::u32string, std::vector<const std::u32string*>> by_key;
  for (const auto& entry : settled)
    for_each_key(entry.first, [&](const std::u32string& k) {
      if (wanted.count(k)) by_key[k].push_back(&entry.first);
    });
  for (const auto& [form, seen] : open) {
    if (by_key.empty()) break;
    const auto& cands = doc.readings[form]->cands;
    const Candidate& id = cands[facts[form].identity];
    const std::u32string_view sv(seen);
    // Of several words it may read, the one the document settled most often.
    const std::u32string* match = nullptr;
    for (std::size_t i = 0; i < sv.size(); ++i)
      for (std::size_t n = 1; n <= 2 && i + n <= sv.size(); ++n) {
        stripped_key(sv.substr(0, i), sv.substr(i + n), key);
        auto it = by_key.find(key);
        if (it == by_key.end()) continue;
        for (const std::u32string* w : it->second)
          if (*w != seen && misreads_diacritics(*w, seen) &&
              (!match || settled.at(*w) > settled.at(*match) || (settled.at(*w) == settled.at(*match) && *w < *match)))
            match = w;
      }
    if (!match) continue;
    if (std::any_of(cands.begin(), cands.end(), [&](const Candidate& c) { return c.parts.size() == 1 && lower32(c.parts[0]) == *match; }))
      continue;
    // The word in the form's case: "0Okad" reads "Ökad", "GIDLLANDE" "GÄLLANDE".
    Walk w;
    w.text = *match;
    const auto first_letter = std::find_if(id.parts[0].begin(), id.parts[0].end(), is_letter);
    if (all_upper(id.parts[0])) w.text = to_u32(to_upper(to_utf8(w.text)));
    else if (first_letter != id.parts[0].end() && is_upper(*first_letter)) w.text = to_u32(capitalize(to_utf8(w.text)));
    w.logp = w.base = kSettledMatchLogP;
    Candidate c = engine.single_word(std::move(w), engine.trie.tier(engine.trie.find(*match)));
    c.evidence = kIntactWordWeight * settled.at(*match);
    extend_readings(form, std::move(c));
  }
}

}  // namespace

bool adapt(const Engine& engine, DocumentState& doc) {
  confirm_confusions(doc);
  Extension ext(engine, doc);
  read_settled_names(ext);
  read_document_lexicon(ext);
  const bool extended_any = ext.extended_any;
  auto& choices = doc.choices;
  for (Choice& ch : choices) ch.cands = &doc.readings[ch.form]->cands;  // the extended lists
  if (doc.confirmed.empty() && !extended_any) return false;
  const std::vector<double> unadapted = doc.rule_logp;
  engine.compute_rule_logps(doc);
  for (std::size_t r = 0; r < unadapted.size(); ++r)
    if (doc.rule_logp[r] != unadapted[r]) doc.changed_rule_bits |= std::uint64_t{1} << (r % 64);
  doc.rescored.assign(doc.readings.size(), 0);
  doc.for_each_index(doc.readings.size(), [&](std::size_t i) { doc.rescored[i] = engine.pack(doc, i, true); });
  return true;  // decide again, the first round's readings as the context
}

}  // namespace protokoll::repair
