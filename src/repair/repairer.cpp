// The repair stage's public face and the order of its steps. A document's lines are cut into
// pieces (pieces.cpp), each piece repaired by Engine::run as a document of its own, and the
// results written back into the document's lines in place.
#include "protokoll/repair.hpp"

#include <algorithm>
#include <filesystem>

#include <tbb/parallel_invoke.h>
#include <tbb/parallel_pipeline.h>

#include "core/stage_timer.hpp"
#include "protokoll/input.hpp"
#include "protokoll/resources.hpp"
#include "repair/engine.hpp"
#include "repair/pieces.hpp"
#include "text/chars.hpp"

namespace protokoll {
namespace repair {
namespace fs = std::filesystem;

Engine::Engine(const RepairOptions& options) : options(options) {
  std::string dir = options.data_dir;
  LexiconOptions lex;
  lex.data_dir = dir;
  lex.user_word_files = options.user_word_files;
  detail::StageTimer timer("setup");
  // The parts are independent until the trie: load them side by side (start-up time counts
  // for every short job).
  tbb::parallel_invoke(
      [&] { lexicon = std::make_unique<Lexicon>(lex); },
      [&] {
        lm.load((fs::path(dir) / "lm-unigrams.tsv").string(), (fs::path(dir) / "lm-bigrams.tsv").string());
        confusions.load((fs::path(dir) / "confusions.tsv").string());
      });
  // The trie holds every listed word: the language model's vocabulary and our lists (strong),
  // Tesseract's web list (weak: it also holds stripped forms like "forslag").
  timer.lap("lexicon, language model");
  std::vector<detail::WordTrie::Entry> words;
  lm.for_each_word([&](const std::string& w, std::uint32_t) { words.emplace_back(w, 2); });
  lexicon->for_each_listed([&](std::string_view w, bool strong) { words.emplace_back(w, strong ? 2 : 1); });
  timer.lap("trie words");
  trie = detail::WordTrie(std::move(words));
  confusions.for_each([&](const Confusion& r) {
    if (r.truth.size() == 1 && is_digit(r.truth[0]) && r.seen.size() == 1 && is_letter(r.seen[0]) &&
        item_digits.find(r.seen[0]) == std::u32string::npos) {
      item_digits += r.seen[0];
      item_digits += r.truth[0];
    }
    if (std::any_of(r.truth.begin(), r.truth.end(), is_letter))
      for (char32_t c : r.seen)
        if (is_digit(c) && letter_digits.find(c) == std::u32string::npos) letter_digits += c;
  });
  timer.lap("trie");
  UErrorCode status = U_ZERO_ERROR;
  word_breaks.reset(icu::BreakIterator::createWordInstance(icu::Locale("sv", "SE"), status));
  if (U_FAILURE(status) || !word_breaks) throw SetupError("ICU word break iterator unavailable");
}

RepairedPiece Engine::run(const PieceText& piece) const {
  detail::StageTimer timer("repair");
  DocumentState doc(piece);
  tokenize(*this, doc);
  restore_item_numbers(*this, doc);
  timer.lap("tokenize");
  mark_page_top_junk(*this, doc);
  gather_evidence(*this, doc);
  timer.lap("evidence");
  find_readings(*this, doc);
  timer.lap("candidates");
  find_neighbours(doc);
  decide_all(*this, doc, 0);
  timer.lap("decide");
  if (adapt(*this, doc)) decide_all(*this, doc, 1);
  timer.lap("adapt");
  RepairedPiece out = rewrite(*this, doc);
  timer.lap("output");
  return out;
}

}  // namespace repair

struct Repairer::Impl {
  explicit Impl(const RepairOptions& options) : engine(options) {}
  repair::Engine engine;
};

Repairer::Repairer(const RepairOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Repairer::~Repairer() = default;

void Repairer::repair(Document& doc) const {
  // Every line of every page, in reading order.
  std::vector<std::string_view> views;
  std::vector<char> page_starts;
  std::vector<char> swedish_model;  // per page: read by an OCR model that knows å/ä/ö
  for (const Page& page : doc.pages) swedish_model.push_back(page.ocr_model.find("swe") != std::string::npos);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> where;  // page, line of each
  views.reserve(doc.line_count());
  for (std::size_t p = 0; p < doc.pages.size(); ++p)
    for (std::size_t l = 0; l < doc.pages[p].lines.size(); ++l) {
      views.emplace_back(doc.pages[p].lines[l].text);
      page_starts.push_back(l == 0);
      where.emplace_back(static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(l));
    }
  doc.changes.clear();
  doc.words = doc.repaired_words = doc.unknown_words = 0;
  const std::vector<repair::Piece> pieces = repair::plan_pieces(views, kPieceBytes);
  auto text_of = [&](const repair::Piece& piece) {
    repair::PieceText t;
    t.read_by_swedish_model = true;
    for (std::size_t i = piece.first_line; i <= piece.last_line; ++i) {
      t.lines.push_back(piece.segment(views, i));
      t.page_starts.push_back(page_starts[i]);
      t.read_by_swedish_model = t.read_by_swedish_model && swedish_model[where[i].first];
    }
    t.continues_line = piece.continues_line();
    t.bytes = piece.bytes;
    return t;
  };
  // A line that pieces cut is put together from their parts once its last part is in; every
  // other line is rewritten in place as soon as its piece is done (no other piece reads it).
  std::string cut_line;
  bool cut_changed = false;
  auto apply = [&](const repair::Piece& piece, repair::RepairedPiece&& part) {
    const std::size_t first_columns = utf8_length(views[piece.first_line].substr(0, piece.first_begin));
    for (Change& c : part.changes) {
      const std::size_t i = piece.first_line + c.line - 1;
      if (i == piece.first_line) c.column += first_columns;
      c.line = i + 1;
      c.page = doc.pages[where[i].first].number;
      doc.changes.push_back(std::move(c));
    }
    doc.repaired_words += part.changed_words;
    doc.words += part.words;
    doc.unknown_words += part.unknown_words;
    for (std::size_t i = piece.first_line; i <= piece.last_line; ++i) {
      const std::size_t k = i - piece.first_line;
      const bool whole = (i > piece.first_line || piece.first_begin == 0) &&
                         (i < piece.last_line || piece.last_end == views[i].size());
      std::string& text = doc.pages[where[i].first].lines[where[i].second].text;
      if (whole) {
        if (part.is_rewritten[k]) text = std::move(part.rewritten[k]);
        continue;
      }
      if (part.is_rewritten[k]) cut_line += part.rewritten[k];
      else cut_line += piece.segment(views, i);
      cut_changed |= part.is_rewritten[k] != 0;
      if (i < piece.last_line || piece.last_end == views[i].size()) {  // its last part
        if (cut_changed) text = std::move(cut_line);
        cut_line.clear();
        cut_changed = false;
      }
    }
  };
  if (pieces.empty()) return;
  // The first piece alone: it finds the readings of most forms, which the others then share
  // (two pieces at once would search the same forms twice). The rest two at a time, so that
  // one piece's serial steps (collecting forms and evidence, adapting) overlap the other's
  // parallel ones; the output is the same as one after the other.
  apply(pieces[0], impl_->engine.run(text_of(pieces[0])));
  std::size_t next = 1;
  tbb::parallel_pipeline(
      2,
      tbb::make_filter<void, std::size_t>(tbb::filter_mode::serial_in_order,
                                          [&](tbb::flow_control& fc) -> std::size_t {
                                            if (next < pieces.size()) return next++;
                                            fc.stop();
                                            return 0;
                                          }) &
          tbb::make_filter<std::size_t, std::pair<std::size_t, repair::RepairedPiece>>(
              tbb::filter_mode::parallel,
              [&](std::size_t i) { return std::pair{i, impl_->engine.run(text_of(pieces[i]))}; }) &
          tbb::make_filter<std::pair<std::size_t, repair::RepairedPiece>, void>(
              tbb::filter_mode::serial_in_order,
              [&](std::pair<std::size_t, repair::RepairedPiece>&& done) { apply(pieces[done.first], std::move(done.second)); }));
}

RepairResult Repairer::repair(std::string_view text) const {
  Document doc;
  load_text_lines(text, doc);
  repair(doc);
  RepairResult result;
  result.text = document_text(doc);
  result.changes = std::move(doc.changes);
  result.changed_words = doc.repaired_words;
  result.words = doc.words;
  result.unknown_words = doc.unknown_words;
  return result;
}

}  // namespace protokoll
