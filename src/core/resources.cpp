#include "protokoll/resources.hpp"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#ifndef PROTOKOLL_VERSION
#define PROTOKOLL_VERSION "0.0.0"
#endif

namespace protokoll {
namespace fs = std::filesystem;

namespace {
bool has_data(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "lm-unigrams.tsv", ec) && fs::exists(dir / "confusions.tsv", ec);
}
}  // namespace

std::string data_dir() {
  if (const char* env = std::getenv("PROTOKOLL_DATA"); env && *env) {
    if (!has_data(env))
      throw SetupError(std::string("PROTOKOLL_DATA=") + env +
                               " does not hold protokoll's data files (lm-unigrams.tsv, confusions.tsv)");
    return env;
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "protokoll";
    if (has_data(installed)) return installed.string();
  }
#ifdef PROTOKOLL_INSTALL_DATA_DIR
  if (has_data(PROTOKOLL_INSTALL_DATA_DIR)) return PROTOKOLL_INSTALL_DATA_DIR;
#endif
#ifdef PROTOKOLL_SOURCE_DATA_DIR
  if (has_data(PROTOKOLL_SOURCE_DATA_DIR)) return PROTOKOLL_SOURCE_DATA_DIR;
#endif
  throw SetupError(
      "protokoll's data files (dictionaries/) were not found; set PROTOKOLL_DATA to the dictionaries folder");
}

std::string version() { return PROTOKOLL_VERSION; }

}  // namespace protokoll
