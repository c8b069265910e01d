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

const protokoll::Repairer& repairer() {
  static protokoll::Repairer r([] {
    protokoll::RepairOptions o;
    o.data_dir = PROTOKOLL_SOURCE_DIR "/dictionaries";
    return o;
  }());
  return r;
}

void BM_RepairLegacyMinutes(benchmark::State& state) {
  const std::string text = slurp(PROTOKOLL_SOURCE_DIR "/samples/legacy/000.txt");
  const auto& r = repairer();
  for (auto _ : state) benchmark::DoNotOptimize(r.repair(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_RepairLegacyMinutes)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
