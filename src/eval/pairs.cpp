// Pairing outputs with their gold and inputs by name, so `protokoll eval` can score the folder a
// `run --out-dir` wrote against the folder the gold lives in. An output is named after its input
// (`a.legacy.txt.records.json`, `a.fax.png.txt`), a gold after the document (`a.gold.json`), so
// an output pairs with the gold whose name is the longest dot-separated prefix of its own: one
// gold may serve several outputs (the fax, the photocopy and the office scan of one page).
#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <tuple>

#include "protokoll/eval.hpp"

namespace protokoll {
namespace {

namespace fs = std::filesystem;

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}
std::string drop(const std::string& s, std::string_view tail) { return s.substr(0, s.size() - tail.size()); }

// Files of a path: the file itself, or every regular file below a folder (sorted, hidden
// files such as a run's `.x.partial` left out).
std::vector<fs::path> files_of(const std::string& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return {fs::path(path)};
  if (!fs::is_directory(path, ec)) throw std::runtime_error(path + ": no such file or folder");
  std::vector<fs::path> out;
  for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// What an output file is, and the name of what it was made from (its case name).
struct OutputFile {
  EvalKind kind;
  std::string base;
};
std::optional<OutputFile> as_output(const std::string& name) {
  if (name == "manifest.jsonl" || ends_with(name, ".changes.jsonl")) return std::nullopt;
  std::optional<OutputFile> out;
  if (ends_with(name, ".records.json")) out = OutputFile{EvalKind::records, drop(name, ".records.json")};
  else if (ends_with(name, ".jsonl")) out = OutputFile{EvalKind::records, drop(name, ".jsonl")};
  else if (ends_with(name, ".json")) out = OutputFile{EvalKind::records, drop(name, ".json")};
  else if (ends_with(name, ".txt")) out = OutputFile{EvalKind::text, drop(name, ".txt")};
  if (out && (ends_with(out->base, ".gold") || ends_with(out->base, ".source"))) return std::nullopt;  // a gold, not an output
  return out;
}

// Gold files of a folder by key and kind: `K.gold.txt` (else `K.source.txt`) and `K.gold.json`;
// in a folder without such names (legacy/ + gold/ layouts), `K.txt` and `K.json`.
using GoldIndex = std::map<std::pair<std::string, EvalKind>, std::vector<std::string>>;
GoldIndex index_gold(const std::vector<fs::path>& files) {
  GoldIndex marked, plain, source;
  for (const auto& p : files) {
    const std::string name = p.filename().string();
    if (ends_with(name, ".gold.txt")) marked[{drop(name, ".gold.txt"), EvalKind::text}].push_back(p.string());
    else if (ends_with(name, ".gold.json")) marked[{drop(name, ".gold.json"), EvalKind::records}].push_back(p.string());
    else if (ends_with(name, ".source.txt")) source[{drop(name, ".source.txt"), EvalKind::text}].push_back(p.string());
    else if (ends_with(name, ".txt")) plain[{drop(name, ".txt"), EvalKind::text}].push_back(p.string());
    else if (ends_with(name, ".json")) plain[{drop(name, ".json"), EvalKind::records}].push_back(p.string());
  }
  if (marked.empty() && source.empty()) return plain;
  for (auto& [k, v] : source) {  // a .gold.txt wins over a .source.txt in the same folder
    auto& golds = marked[k];
    for (const auto& s : v) {
      const fs::path dir = fs::path(s).parent_path();
      if (std::none_of(golds.begin(), golds.end(), [&](const std::string& g) { return fs::path(g).parent_path() == dir; }))
        golds.push_back(s);
    }
  }
  return marked;
}

// Whether folder `dir` ends with the folders of `tail` (both relative or both made so).
bool ends_with_folders(const fs::path& dir, const fs::path& tail) {
  std::vector<fs::path> a(dir.begin(), dir.end()), b(tail.begin(), tail.end());
  if (b.size() > a.size()) return false;
  return std::equal(b.rbegin(), b.rend(), a.rbegin());
}

// The one gold of several with the same name whose place under the gold folder is the
// output's place under the output folder (run --out-dir mirrors its inputs' paths).
std::string choose(const std::vector<std::string>& golds, const std::string& gold_root, const fs::path& output,
                   const char* what) {
  if (golds.size() <= 1) return golds.empty() ? "" : golds.front();
  std::vector<std::string> fit;
  for (const auto& g : golds)
    if (ends_with_folders(output.parent_path().lexically_normal(), fs::path(g).parent_path().lexically_relative(gold_root)))
      fit.push_back(g);
  if (fit.size() != 1)
    throw std::runtime_error(output.string() + ": more than one " + what + " fits it: " + golds[0] + " and " + golds[1]);
  return fit.front();
}

// base, then base without its last ".part", and so on.
std::vector<std::string> dot_prefixes(const std::string& base) {
  std::vector<std::string> out{base};
  for (std::size_t dot = base.rfind('.'); dot != std::string::npos && dot > 0; dot = base.rfind('.', dot - 1))
    out.push_back(base.substr(0, dot));
  return out;
}


}  // namespace

std::string eval_key(const std::string& file_name) {
  std::string base = file_name;
  if (auto o = as_output(file_name)) base = o->base;
  for (const char* tail : {".gold.txt", ".gold.json", ".source.txt"})
    if (ends_with(base, tail)) return drop(base, tail);
  for (const char* tail : {".legacy.txt", ".txt"})
    if (ends_with(base, tail)) return drop(base, tail);
  return base;
}

EvalPlan plan_eval(const std::string& output, const std::string& gold, const std::string& input) {
  std::error_code ec;
  const std::vector<fs::path> outputs = files_of(output);
  const std::vector<fs::path> inputs = input.empty() ? std::vector<fs::path>{} : files_of(input);
  const bool gold_is_file = fs::is_regular_file(gold, ec), input_is_file = fs::is_regular_file(input, ec);
  const GoldIndex golds = gold_is_file ? GoldIndex{} : index_gold(files_of(gold));
  const bool output_is_file = fs::is_regular_file(output, ec);

  EvalPlan plan;
  std::map<std::pair<std::string, EvalKind>, bool> used;  // by gold path
  bool kind_seen[2] = {false, false};
  for (const auto& p : outputs) {
    const std::string name = p.filename().string();
    std::optional<OutputFile> o = as_output(name);
    if (!o && output_is_file) o = OutputFile{EvalKind::text, name};  // a file named on its own is scored as given
    if (!o) continue;
    EvalCase c;
    c.output = p.string();
    c.name = o->base;
    if (gold_is_file) {
      c.kind = ends_with(gold, ".json") ? EvalKind::records : EvalKind::text;
      c.gold = gold;
    } else {
      c.kind = o->kind;
      for (const auto& prefix : dot_prefixes(o->base))
        if (auto it = golds.find({prefix, o->kind}); it != golds.end()) {
          c.gold = choose(it->second, gold, p, "gold");
          used[{c.gold, o->kind}] = true;
          break;
        }
      if (c.gold.empty()) {
        plan.unpaired.push_back(c.output);
        continue;
      }
    }
    kind_seen[static_cast<int>(c.kind)] = true;
    if (c.kind == EvalKind::text && input_is_file) c.input = input;
    else if (c.kind == EvalKind::text && !inputs.empty()) {
      // The input it was made from has the output's base name; failing that, the document's
      // legacy text.
      std::vector<std::string> same, legacy;
      const std::string key = eval_key(fs::path(c.gold).filename().string());
      for (const auto& i : inputs) {
        const std::string n = i.filename().string();
        if (n == o->base) same.push_back(i.string());
        else if (n == key + ".legacy.txt" || n == key + ".txt") legacy.push_back(i.string());
      }
      c.input = choose(same, input, p, "input");
      if (c.input.empty()) c.input = choose(legacy, input, p, "input");
    }
    plan.cases.push_back(std::move(c));
  }
  // A gold of a kind that was scored but with no output of its own is a miss, not a silence.
  for (const auto& [key, paths] : golds)
    for (const auto& path : paths)
      if (!used.count({path, key.second}) && kind_seen[static_cast<int>(key.second)])
        plan.cases.push_back(EvalCase{key.first, key.second, "", path, ""});
  std::sort(plan.cases.begin(), plan.cases.end(), [](const EvalCase& a, const EvalCase& b) {
    return std::tie(a.kind, a.name, a.output) < std::tie(b.kind, b.name, b.output);
  });
  return plan;
}

}  // namespace protokoll
