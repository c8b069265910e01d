#include "protokoll/resources.hpp"
#include "models/lexicon.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <fstream>
#include <mutex>
#include <shared_mutex>
#include <sstream>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include <hunspell/hunspell.hxx>

#include "text/text_util.hpp"
#include "core/stage_timer.hpp"

namespace protokoll {
namespace fs = std::filesystem;

void find_hunspell_dictionary(std::string& aff, std::string& dic) {
  if (!aff.empty() && !dic.empty()) {
    if (!fs::exists(aff) || !fs::exists(dic))
      throw SetupError("Hunspell dictionary " + aff + " / " + dic + " not found");
    return;
  }
  for (const char* dir : {"/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell"}) {
    fs::path a = fs::path(dir) / "sv_SE.aff", d = fs::path(dir) / "sv_SE.dic";
    if (fs::exists(a) && fs::exists(d)) {
      aff = a.string();
      dic = d.string();
      return;
    }
  }
  throw SetupError(
      "Hunspell dictionary sv_SE not found in /usr/share/hunspell; install it: apt-get install hunspell-sv");
}

namespace {
std::string read_whole(const std::string& path, bool required) {
  std::ifstream in(path);
  if (!in) {
    if (required) throw SetupError("word list " + path + " cannot be read");
    return {};
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

void load_words(const std::string& path, std::unordered_set<std::string>& into, bool required) {
  const std::string text = read_whole(path, required);
  const std::vector<std::string_view> lines = split_lines(text);
  into.reserve(into.size() + lines.size());
  for (std::string_view line : lines) {
    const std::string_view w = trim(line);
    if (w.empty() || w[0] == '#') continue;
    into.insert(to_lower(w));
  }
}

using NameWeights = std::unordered_map<std::string, float, StringHash, std::equal_to<>>;

// names.tsv: "Name<TAB>weight" per line, '#' comments.
void load_names(const std::string& path, NameWeights& into) {
  const std::string text = read_whole(path, true);
  for (std::string_view line : split_lines(text)) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) throw SetupError("name list " + path + ": a line without a weight");
    into.emplace(std::string(line.substr(0, tab)), std::strtof(std::string(line.substr(tab + 1)).c_str(), nullptr));
  }
}
}  // namespace

struct Lexicon::Impl {
  std::unordered_set<std::string> strong_words;  // lower-case: domain and user lists
  // Tesseract's word list (145k words, lower-case): the file's text and its words sorted, as
  // views into it. Read whole and searched by halves rather than hashed word by word: loading
  // is on every run's start-up path, and lookups are cached anyway.
  std::string web_text;
  std::deque<std::string> web_lowered;  // words the file did not have in lower case
  std::vector<std::string_view> web_words;
  bool is_web_word(const std::string& lower) const {
    return std::binary_search(web_words.begin(), web_words.end(), std::string_view(lower));
  }
  NameWeights names;  // as written ("Bäckström"): weight
  std::vector<std::string> names_lower;           // for for_each_listed, which lends its strings
  // The listed name `word` is, written as a name: itself, or title case for all capitals.
  const float* find_name(std::string_view word) const {
    if (names.empty() || word.empty()) return nullptr;
    auto it = names.find(word);
    if (it == names.end() && word.size() > 1 && case_pattern(word) == CasePattern::upper)
      it = names.find(capitalize(to_lower(word)));
    return it == names.end() ? nullptr : &it->second;
  }
  // Hunspell objects are not thread-safe, and one lock would serialise the parallel candidate
  // search: a pool, one instance per concurrent caller (loading sv_SE takes a tenth of a
  // second); a pool rather than one per thread because the threads that ask (TBB workers, the
  // caller) change from call to call.
  std::string aff, dic;
  bool use_hunspell = false;
  mutable std::mutex pool_mutex;
  mutable std::vector<std::unique_ptr<Hunspell>> pool;
  // The first instance loads in the background from the constructor on, while the caller
  // builds what needs only the word lists; the first question waits for it.
  mutable std::future<std::unique_ptr<Hunspell>> first;
  mutable std::once_flag first_once;
  // Hunspell before 1.7.2 (Debian 12 ships 1.7.1) counts its instances in a plain global
  // (csutil's utf_tbl_count, hunspell/hunspell#727): two made or destroyed at once can lose a
  // count, and the table it guards is freed while an instance still reads it. One at a time,
  // across every Lexicon of the process.
  static std::mutex& lifetime_mutex() {
    static std::mutex m;
    return m;
  }
  std::unique_ptr<Hunspell> load() const {
    std::lock_guard lock(lifetime_mutex());
    detail::StageTimer timer("lexicon");
    auto h = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
    timer.lap("hunspell load");
    return h;
  }
  ~Impl() {
    std::unique_ptr<Hunspell> unclaimed;
    if (first.valid()) {
      try {
        unclaimed = first.get();
      } catch (...) {  // a load that failed: nothing to free
      }
    }
    std::lock_guard lock(lifetime_mutex());
    unclaimed.reset();
    pool.clear();
  }
  bool spell(const std::string& word) const {
    std::call_once(first_once, [&] {
      detail::StageTimer timer("lexicon");
      auto h = first.get();
      timer.lap("hunspell wait");
      std::lock_guard lock(pool_mutex);
      pool.push_back(std::move(h));
    });
    // A thread takes the instance it used last when it is free: an instance's hot tables stay
    // in that core's cache instead of moving between cores with every question.
    thread_local const Hunspell* last_used = nullptr;
    std::unique_ptr<Hunspell> h;
    {
      std::lock_guard lock(pool_mutex);
      if (!pool.empty()) {
        auto it = pool.end() - 1;
        for (auto p = pool.begin(); p != pool.end(); ++p)
          if (p->get() == last_used) it = p;
        h = std::move(*it);
        pool.erase(it);
      }
    }
    if (!h) h = load();
    last_used = h.get();
    const bool ok = h->spell(word);
    std::lock_guard lock(pool_mutex);
    pool.push_back(std::move(h));
    return ok;
  }
  // Answers so far, in shards by hash: the candidate search asks from every thread at once,
  // and one lock would have them queue on it.
  struct CacheShard {
    std::shared_mutex mutex;
    std::unordered_map<std::string, Known, StringHash, std::equal_to<>> answers;  // found by string_view
  };
  static constexpr std::size_t kShards = 64;
  mutable std::array<CacheShard, kShards> cache;
  CacheShard& shard(std::string_view key) const { return cache[std::hash<std::string_view>{}(key) % kShards]; }
};

Lexicon::Lexicon(const LexiconOptions& options) : impl_(std::make_unique<Impl>()) {
  if (options.use_hunspell) {
    impl_->aff = options.hunspell_aff;
    impl_->dic = options.hunspell_dic;
    find_hunspell_dictionary(impl_->aff, impl_->dic);
    impl_->use_hunspell = true;
  }
  auto load_lists = [&] {
    if (!options.data_dir.empty()) {
      impl_->web_text = read_whole((fs::path(options.data_dir) / "tesseract-swe-words.txt").string(), true);
      for (std::string_view line : split_lines(impl_->web_text)) {
        const std::string_view w = trim(line);
        if (w.empty() || w[0] == '#') continue;
        // tools/build-wordlist writes it lower-case; a list from elsewhere may not be.
        if (to_lower(w) != w)
          impl_->web_words.push_back(impl_->web_lowered.emplace_back(to_lower(w)));
        else
          impl_->web_words.push_back(w);
      }
      if (!std::is_sorted(impl_->web_words.begin(), impl_->web_words.end()))
        std::sort(impl_->web_words.begin(), impl_->web_words.end());
      load_words((fs::path(options.data_dir) / "domain-words.txt").string(), impl_->strong_words, true);
      load_names((fs::path(options.data_dir) / "names.tsv").string(), impl_->names);
      for (const auto& [name, weight] : impl_->names) impl_->names_lower.push_back(to_lower(name));
    }
    for (const auto& f : options.user_word_files) load_words(f, impl_->strong_words, true);
  };
  // Hunspell starts loading now, in the background (a missing dictionary has failed above).
  // Further instances load when two threads ask at once (measured: loading a second one up
  // front costs more start-up time than the search later saves).
  if (impl_->use_hunspell) impl_->first = std::async(std::launch::async, [impl = impl_.get()] { return impl->load(); });
  load_lists();
}

Lexicon::~Lexicon() = default;

Lexicon::Known Lexicon::lookup(std::string_view word) const {
  auto& shard = impl_->shard(word);
  {
    std::shared_lock lock(shard.mutex);
    auto it = shard.answers.find(word);  // most questions were asked before: no copy of the word
    if (it != shard.answers.end()) return it->second;
  }
  std::string key(word);
  std::string lower = to_lower(word);
  Known known = impl_->strong_words.count(lower) || impl_->find_name(word) ? Known::yes : Known::no;
  if (known == Known::no && impl_->use_hunspell) {
    if (impl_->spell(key)) known = Known::yes;
  }
  if (known == Known::no && impl_->is_web_word(lower)) known = Known::weak;
  std::unique_lock lock(shard.mutex);
  shard.answers.emplace(std::move(key), known);
  return known;
}

void Lexicon::for_each_listed(const std::function<void(std::string_view, bool)>& f) const {
  for (const auto w : impl_->web_words) f(w, false);
  for (const auto& w : impl_->strong_words) f(w, true);
  for (const auto& w : impl_->names_lower) f(w, false);
}

double Lexicon::name_weight(std::string_view word) const {
  const float* w = impl_->find_name(word);
  return w ? *w : 0.0;
}



}  // namespace protokoll
