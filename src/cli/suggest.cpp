// Did-you-mean for the command line: a mistyped verb or option gets the nearest real one, as
// git and ripgrep do, instead of CLI11's "A subcommand is required".
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "cli/common.hpp"

namespace protokoll::cli {
namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// The nearest of `names` to `word`, if it is near enough to be what was meant.
std::optional<std::string> nearest(const std::string& word, const std::vector<std::string>& names) {
  std::optional<std::string> best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& n : names) {
    const std::size_t d = edit_distance(word, n);
    if (d < best_distance) {
      best_distance = d;
      best = n;
    }
  }
  return best;
}

bool takes_value(const CLI::App& app, const std::string& name) {
  for (const CLI::Option* o : app.get_options())
    if (o->check_name(name)) return o->get_expected_min() > 0;  // a flag expects no value
  return false;
}

}  // namespace

std::optional<std::string> unknown_verb(const CLI::App& app, int argc, char** argv) {
  std::vector<std::string> verbs;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) verbs.push_back(sub->get_name());
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--") return std::nullopt;
    if (!a.empty() && a[0] == '-') {
      // "-j 2 run": the value of a protokoll option is not a verb.
      if (a.find('=') == std::string::npos && takes_value(app, a) && i + 1 < argc) ++i;
      continue;
    }
    if (std::find(verbs.begin(), verbs.end(), a) != verbs.end()) return std::nullopt;
    std::string message = "'" + a + "' is not a verb";
    if (auto near = nearest(a, verbs)) message += "; did you mean '" + *near + "'?";
    else message += " (verbs: run, ocr, repair, segment, eval)";
    return message;
  }
  return std::nullopt;
}

std::string suggest_option(const CLI::App& app, const CLI::ParseError& error) {
  // CLI11 names what it did not expect: "The following argument was not expected: --jbos".
  const std::string what = error.what();
  const auto colon = what.rfind(": ");
  if (colon == std::string::npos) return "";
  std::string word = what.substr(colon + 2);
  if (const auto space = word.find(' '); space != std::string::npos) word = word.substr(0, space);
  if (word.size() < 3 || word.rfind("--", 0) != 0) return "";
  std::vector<std::string> names;
  auto collect = [&](const CLI::App& a) {
    for (const CLI::Option* o : a.get_options())
      for (const auto& n : o->get_lnames()) names.push_back("--" + n);
  };
  collect(app);
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (sub->parsed()) collect(*sub);
  if (auto near = nearest(word, names)) return "protokoll: " + word + ": did you mean '" + *near + "'?";
  return "";
}

}  // namespace protokoll::cli
