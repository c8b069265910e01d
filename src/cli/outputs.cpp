#include "cli/outputs.hpp"

#include "cli/common.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iostream>
#include <stdexcept>

namespace protokoll::cli {
namespace fs = std::filesystem;

void write_or_stop(bool& failed, const std::function<void()>& write) {
  try {
    write();
  } catch (const std::exception& e) {
    std::cerr << "protokoll: " << e.what() << '\n';
    failed = true;
    interrupt_for_error();
  }
}

fs::path output_stem(const fs::path& out_dir, const std::string& input_path) {
  if (input_path == "-") return out_dir / "stdin";
  fs::path inside;
  for (const auto& part : fs::path(input_path).lexically_normal()) {
    const std::string s = part.string();
    if (s.empty() || s == "/" || s == "." || s == "..") continue;  // never above out_dir
    inside /= part;
  }
  return out_dir / inside;
}

void write_atomically(const fs::path& target, const std::string& content) {
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) throw std::runtime_error(target.parent_path().string() + ": cannot create folder: " + ec.message());
  // Hidden, so a listing never takes it for output, and named after its target alone: one
  // left by a killed run is overwritten and renamed away when the resumed run writes that
  // target (shards write different targets, so no two runs share one).
  const fs::path tmp = target.parent_path() / ("." + target.filename().string() + ".partial");
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error(target.string() + ": cannot write: " + std::strerror(errno));
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      throw std::runtime_error(target.string() + ": cannot write: " + std::strerror(err));
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0 || ::rename(tmp.c_str(), target.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw std::runtime_error(target.string() + ": cannot write: " + std::strerror(err));
  }
}

Manifest::Manifest(const std::string& path) : path_(path) {
  std::error_code ec;
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0) throw std::runtime_error(path + ": cannot write: " + std::strerror(errno));
}

Manifest::~Manifest() {
  if (fd_ >= 0) ::close(fd_);
}

void Manifest::append(const nlohmann::ordered_json& entry) {
  const std::string line = entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
  // One write: with O_APPEND the line lands whole at the end of the file.
  ssize_t n;
  do n = ::write(fd_, line.data(), line.size());
  while (n < 0 && errno == EINTR);
  if (n != static_cast<ssize_t>(line.size()))
    throw std::runtime_error(path_ + ": cannot write: " + (n < 0 ? std::strerror(errno) : "short write"));
}

std::map<std::string, nlohmann::json> Manifest::read_last_entries(const std::string& path) {
  std::map<std::string, nlohmann::json> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("input") || !j["input"].is_string()) continue;
    std::string input = j["input"].get<std::string>();  // before the move: `=` evaluates its right side first
    out[std::move(input)] = std::move(j);
  }
  return out;
}

namespace {
const char* kind_name(SourceKind kind) {
  switch (kind) {
    case SourceKind::text: return "text";
    case SourceKind::image: return "image";
    case SourceKind::tiff: return "tiff";
    case SourceKind::pdf: return "pdf";
    case SourceKind::unknown: break;
  }
  return "unknown";
}
}  // namespace

nlohmann::ordered_json manifest_entry(const Document& doc, std::size_t meetings, const std::vector<std::string>& outputs) {
  nlohmann::ordered_json e;
  e["input"] = doc.source.path;
  e["sha256"] = doc.source.sha256;
  e["size"] = doc.source.size;
  e["kind"] = kind_name(doc.source.kind);
  e["status"] = "ok";
  e["outputs"] = outputs;
  e["pages"] = doc.pages.size();
  e["meetings"] = meetings;
  e["repairs"] = doc.repaired_words;
  e["warnings"] = doc.source.warnings;
  e["seconds"] = std::round(doc.seconds * 1000) / 1000;
  return e;
}

nlohmann::ordered_json manifest_entry(const InputFailure& failure) {
  nlohmann::ordered_json e;
  e["input"] = failure.path;
  e["status"] = failure.skipped ? "skipped" : "failed";
  e["error"] = failure.reason;
  return e;
}

bool done_before(const nlohmann::json& entry, const std::string& sha256) {
  auto text = [&](const char* key) {
    const auto it = entry.find(key);
    return it != entry.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (text("status") != "ok" || sha256.empty() || text("sha256") != sha256) return false;
  if (!entry.contains("outputs") || !entry["outputs"].is_array()) return false;
  for (const auto& o : entry["outputs"]) {
    std::error_code ec;
    if (!o.is_string() || !fs::is_regular_file(o.get<std::string>(), ec)) return false;
  }
  return true;
}

}  // namespace protokoll::cli
