// Shared helpers for the tests: paths into the source tree, files, and running the real binary.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace protokoll::testing {

inline std::string source_path(const std::string& rel) { return std::string(PROTOKOLL_SOURCE_DIR) + "/" + rel; }
inline std::string test_data_dir() { return source_path("dictionaries"); }

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

/// A fresh temporary directory, removed at scope exit.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "protokoll-test-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
};

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

/// Run the protokoll binary with a shell command line (arguments already quoted), optional stdin file.
inline RunResult run_protokoll(const std::string& args, const std::string& stdin_file = "") {
  TempDir tmp;
  std::string cmd = std::string(PROTOKOLL_BINARY) + " " + args + " > " + (tmp / "out") + " 2> " + (tmp / "err");
  if (!stdin_file.empty()) cmd += " < " + stdin_file;
  else cmd += " < /dev/null";
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(tmp / "out");
  r.err = slurp(tmp / "err");
  return r;
}

inline std::size_t count_lines(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += c == '\n';
  if (!s.empty() && s.back() != '\n') ++n;
  return n;
}

}  // namespace protokoll::testing
