// One repair engine on the real models (dictionaries/, Hunspell sv_SE), shared by the step tests,
// and a document state built from lines the way Engine::run builds it.
#pragma once

#include <string>
#include <vector>

#include "repair/engine.hpp"
#include "test_util.hpp"

namespace protokoll::testing {

inline const repair::Engine& engine() {
  static const repair::Engine e([] {
    RepairOptions o;
    o.data_dir = test_data_dir();
    return o;
  }());
  return e;
}

/// A piece of text as the engine reads it: its lines, the first a page's first.
struct PieceFixture {
  std::vector<std::string> storage;
  repair::PieceText piece;
  explicit PieceFixture(std::vector<std::string> lines) : storage(std::move(lines)) {
    for (const auto& l : storage) {
      piece.lines.emplace_back(l);
      piece.page_starts.push_back(piece.page_starts.empty());
      piece.bytes += l.size() + 1;
    }
  }
};

/// Every step up to (not including) the readings: tokens, numbers, junk, evidence.
inline void prepare(repair::DocumentState& doc) {
  repair::tokenize(engine(), doc);
  repair::restore_item_numbers(engine(), doc);
  repair::mark_page_top_junk(engine(), doc);
  repair::gather_evidence(engine(), doc);
}

}  // namespace protokoll::testing
