// Inputs: command-line arguments to the files they name (folders read recursively, in sorted
// order, with their .protokollignore), and the bytes of each.
#include "protokoll/input.hpp"

#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>

namespace protokoll {
namespace fs = std::filesystem;

namespace {

// Patterns from a folder's .protokollignore (one glob a line, '#' comments), with the folder
// they came from: they apply to that folder and everything below it. As in .gitignore, a
// pattern that ends in '/' names folders only.
struct IgnoreRule {
  fs::path base;
  std::string pattern;
  bool folders_only = false;
};

void read_ignore_file(const fs::path& dir, std::vector<IgnoreRule>& rules) {
  std::ifstream in(dir / ".protokollignore");
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const bool folders_only = line.size() > 1 && line.back() == '/';
    if (folders_only) line.pop_back();
    rules.push_back({dir, line, folders_only});
  }
}

bool ignored(const fs::path& path, bool is_folder, const std::vector<IgnoreRule>& rules) {
  fs::path absolute;
  for (const auto& r : rules) {
    if (r.folders_only && !is_folder) continue;
    if (r.base.is_absolute() && absolute.empty()) {
      std::error_code ec;
      absolute = fs::absolute(path, ec).lexically_normal();
    }
    std::string rel = (r.base.is_absolute() ? absolute : path).lexically_relative(r.base).string();
    std::string name = path.filename().string();
    if (::fnmatch(r.pattern.c_str(), rel.c_str(), FNM_PATHNAME) == 0 || ::fnmatch(r.pattern.c_str(), name.c_str(), 0) == 0)
      return true;
  }
  return false;
}

void walk(const fs::path& dir, std::set<std::pair<dev_t, ino_t>>& visiting, std::vector<IgnoreRule> rules,
          std::vector<InputPath>& out) {
  std::error_code ec;
  std::vector<fs::path> entries;
  read_ignore_file(dir, rules);
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') continue;  // hidden files and folders
    std::error_code type_error;
    if (ignored(it->path(), it->is_directory(type_error), rules)) continue;
    entries.push_back(it->path());
  }
  if (ec) {
    out.push_back({dir.string(), "cannot list directory: " + ec.message()});
    return;
  }
  std::sort(entries.begin(), entries.end());
  for (const auto& entry : entries) {
    struct stat st {};
    if (::stat(entry.c_str(), &st) != 0) {
      out.push_back({entry.string(), std::string("cannot read: ") + std::strerror(errno)});
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      auto key = std::make_pair(st.st_dev, st.st_ino);
      if (visiting.count(key)) {
        out.push_back({entry.string(), "symlink loop: directory already being read"});
        continue;
      }
      visiting.insert(key);
      walk(entry, visiting, rules, out);
      visiting.erase(key);
    } else if (S_ISREG(st.st_mode)) {
      out.push_back({entry.string(), "", true});
    } else {
      // Reading a FIFO or a device found in a folder could block for ever or never end.
      out.push_back({entry.string(), S_ISFIFO(st.st_mode)   ? "a FIFO, not a file: skipped (name it alone to read it)"
                                     : S_ISSOCK(st.st_mode) ? "a socket, not a file: skipped"
                                                            : "a device, not a file: skipped"});
    }
  }
}

// The rules of the folders above a named folder, outermost first, as git applies a parent's
// .gitignore in a subfolder: `run samples/pages/` skips what samples/.protokollignore names.
// Their bases are absolute; ignored() matches them against the absolute path.
std::vector<IgnoreRule> ancestor_rules(const std::string& arg) {
  std::error_code ec;
  const fs::path dir = fs::absolute(arg, ec).lexically_normal();
  if (ec) return {};
  std::vector<fs::path> above;
  for (fs::path p = dir.has_filename() ? dir : dir.parent_path(); p != p.root_path();) {
    p = p.parent_path();
    above.push_back(p);
  }
  std::vector<IgnoreRule> rules;
  for (auto it = above.rbegin(); it != above.rend(); ++it) read_ignore_file(*it, rules);
  return rules;
}

}  // namespace

std::vector<InputPath> expand_inputs(const std::vector<std::string>& args) {
  std::vector<InputPath> out;
  for (const auto& arg : args) {
    if (arg == "-") {
      out.push_back({"-", ""});
      continue;
    }
    struct stat st {};
    if (::stat(arg.c_str(), &st) != 0) {
      std::error_code ec;
      bool dangling = fs::is_symlink(fs::symlink_status(arg, ec));
      out.push_back({arg, dangling ? "broken symlink" : std::string(std::strerror(errno))});
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      std::set<std::pair<dev_t, ino_t>> visiting{{st.st_dev, st.st_ino}};
      std::size_t before = out.size();
      walk(arg, visiting, ancestor_rules(arg), out);
      if (out.size() == before) out.push_back({arg, "directory holds no files"});
    } else {
      out.push_back({arg, ""});
    }
  }
  return out;
}

std::string read_bytes(const std::string& path) {
  if (path == "-") {
    std::string data((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    if (std::cin.bad()) throw InputError("cannot read standard input");
    return data;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(std::string("cannot open: ") + std::strerror(errno));
  // In blocks, not a character at a time: a whole archive file is read before it is decoded.
  std::string data;
  char block[1 << 16];
  while (in.read(block, sizeof block) || in.gcount() > 0) data.append(block, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) throw InputError(std::string("cannot read: ") + std::strerror(errno));
  return data;
}


}  // namespace protokoll
