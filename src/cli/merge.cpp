// `protokoll merge-manifests`: the manifests of a sharded run (run --shard K/N --out-dir DIR
// writes DIR/manifest.K-of-N.jsonl) joined into one, and what is missing said: shards that left
// no manifest, inputs no shard entered (with --inputs), inputs that failed.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "cli/common.hpp"
#include "cli/outputs.hpp"

namespace protokoll::cli {
namespace {

class MergeVerb : public Verb {
 public:
  explicit MergeVerb(CLI::App* sub) : sub_(sub) {
    sub->add_option("manifests", manifests_, "the shards' manifests (DIR/manifest.*-of-N.jsonl)")->required()->check(CLI::ExistingFile);
    sub->add_option("--inputs", inputs_, "the inputs the shards were given: each one no manifest has is named as missing");
  }
  CLI::App* subcommand() const override { return sub_; }

  int execute(char**) override {
    // The last entry of each input across all manifests (a resumed shard appends again).
    std::map<std::string, nlohmann::json> entries;
    std::map<std::size_t, std::set<std::size_t>> shards_seen;  // N -> the K that left a manifest
    static const std::regex shard_name(R"(manifest\.(\d+)-of-(\d+)\.jsonl)");
    for (const auto& path : manifests_) {
      for (auto& [input, entry] : Manifest::read_last_entries(path)) entries[input] = std::move(entry);
      std::smatch m;
      const std::string name = std::filesystem::path(path).filename().string();
      if (std::regex_match(name, m, shard_name)) shards_seen[std::stoul(m[2])].insert(std::stoul(m[1]));
    }
    bool complete = true;
    for (const auto& [n, ks] : shards_seen)
      for (std::size_t k = 1; k <= n; ++k)
        if (!ks.count(k)) {
          std::cerr << "protokoll merge-manifests: shard " << k << " of " << n << " left no manifest\n";
          complete = false;
        }
    std::size_t ok = 0, failed = 0, skipped = 0, missing = 0;
    for (const auto& [input, e] : entries) {
      std::cout << e.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      const std::string status = e.value("status", "");
      if (status == "ok") ++ok;
      else if (status == "skipped") ++skipped;
      else {
        ++failed;
        std::cerr << "protokoll merge-manifests: " << input << ": " << status << ": " << e.value("error", "") << '\n';
      }
    }
    if (!inputs_.empty())
      for (const auto& in : expand_inputs(inputs_))
        if (!entries.count(in.path)) {
          ++missing;
          std::cerr << "protokoll merge-manifests: " << in.path << ": in no manifest\n";
        }
    std::cerr << "protokoll merge-manifests: " << entries.size() << " inputs: " << ok << " ok, " << failed << " failed, "
              << skipped << " skipped" << (inputs_.empty() ? "" : ", " + std::to_string(missing) + " missing") << '\n';
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "protokoll merge-manifests: cannot write to standard output\n";
      return kUsage;
    }
    return complete && failed == 0 && missing == 0 ? kOk : kSomeFailed;
  }

 private:
  CLI::App* sub_;
  std::vector<std::string> manifests_, inputs_;
};

}  // namespace

std::unique_ptr<Verb> make_merge_manifests(CLI::App& app, Shared&) {
  CLI::App* sub = app.add_subcommand("merge-manifests", "join the manifests of a sharded run and say what is missing");
  sub->footer(
      "Exit 0 when every shard left a manifest and every input is ok or skipped, 2 otherwise.\n\n"
      "Example:\n"
      "  protokoll run --shard 1/2 --out-dir out samples/legacy/ && protokoll run --shard 2/2 --out-dir out samples/legacy/\n"
      "  protokoll merge-manifests out/manifest.*-of-2.jsonl --inputs samples/legacy/ > manifest.jsonl");
  return std::make_unique<MergeVerb>(sub);
}

}  // namespace protokoll::cli
