// What `run --out-dir` leaves behind: per-input files written whole or not at all, and the
// manifest, one JSON line per input appended as it finishes, so it is true after any kill and
// a later `--resume` can skip what is done.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protokoll/document.hpp"
#include "protokoll/pipeline.hpp"
#include "protokoll/report.hpp"

namespace protokoll::cli {

/// Where an input's outputs go under the output folder: its path as given, made relative
/// ("/a/b.png" and "../b.png" stay inside), standard input as "stdin".
std::filesystem::path output_stem(const std::filesystem::path& out_dir, const std::string& input_path);

/// Write `content` to `target` through a temporary file beside it and a rename, creating the
/// folders above it: a reader sees the old file or the whole new one, never part. Throws
/// std::runtime_error naming the file and the reason.
void write_atomically(const std::filesystem::path& target, const std::string& content);

/// Run `write`; when it throws, say why on stderr, set `failed` and stop starting inputs: a
/// write that fails (a full disk) would fail for every later input too.
void write_or_stop(bool& failed, const std::function<void()>& write);

/// The manifest: JSON Lines appended with one write(2) each, so a line is whole even when the
/// process is killed right after.
class Manifest {
 public:
  /// Opens (creating) `path` for appending. Throws std::runtime_error.
  explicit Manifest(const std::string& path);
  ~Manifest();
  Manifest(const Manifest&) = delete;
  Manifest& operator=(const Manifest&) = delete;

  void append(const nlohmann::ordered_json& entry);
  const std::string& path() const { return path_; }

  /// The last entry of each input in an existing manifest (none when it does not exist).
  /// Lines that are not JSON (a torn last line) are passed over.
  static std::map<std::string, nlohmann::json> read_last_entries(const std::string& path);

 private:
  std::string path_;
  int fd_ = -1;
};

/// The manifest entry of an input read: "ok", with what it gave and the files written.
nlohmann::ordered_json manifest_entry(const Document& doc, std::size_t meetings, const std::vector<std::string>& outputs);
/// The manifest entry of an input that failed or was skipped, with the reason.
nlohmann::ordered_json manifest_entry(const InputFailure& failure);

/// The review report's folder (protokoll report, run --report): per input NAME.html and its
/// page images NAME.pN.jpg at the input's relative path, each written whole or not at all, and
/// at the end index.html listing every input, failed ones with their reason.
class ReportFolder {
 public:
  explicit ReportFolder(std::string dir) : dir_(std::move(dir)) {}
  /// Throws std::runtime_error naming the file when one cannot be written.
  void add(const Document& doc, std::span<const Record> records);
  void add_failure(const InputFailure& failure);
  /// Writes index.html; throws std::runtime_error.
  void finish();

 private:
  std::string dir_;
  std::vector<ReportEntry> entries_;
};

/// True when a manifest entry says `input` was done with these bytes and its outputs are there.
bool done_before(const nlohmann::json& entry, const std::string& sha256);

}  // namespace protokoll::cli
