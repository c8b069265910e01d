// Google Benchmark of the repair engine on the development legacy texts and on a larger
// synthetic archive (bench/make-archive). Whole-process comparison against Hunspell:
// bench/compare-hunspell.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "protokoll/repair.hpp"

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `shared`: readings carry over between iterations, as between the page files of an archive;
// without, every iteration searches every form again, as for a document of new words.
const protokoll::Repairer& repairer(bool shared) {
  auto make = [](bool share) {
    protokoll::RepairOptions o;
    o.data_dir = PROTOKOLL_SOURCE_DIR "/dictionaries";
    o.share_readings = share;
    return o;
  };
  static protokoll::Repairer with(make(true)), without(make(false));
  return shared ? with : without;
}

void BM_RepairLegacyMinutes(benchmark::State& state) {
  const std::string text = slurp(PROTOKOLL_SOURCE_DIR "/samples/legacy/000.txt");
  const auto& r = repairer(state.range(0) != 0);
  for (auto _ : state) benchmark::DoNotOptimize(r.repair(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_RepairLegacyMinutes)->ArgName("shared")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
