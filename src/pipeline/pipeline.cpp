#include "protokoll/pipeline.hpp"

#include <chrono>
#include <future>
#include <mutex>
#include <optional>
#include <unordered_map>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include "protokoll/resources.hpp"
#include "io/sha256.hpp"
#include "core/stage_timer.hpp"

namespace protokoll {

struct Pipeline::Impl {
  PipelineOptions options;
  std::once_flag repairer_once;
  std::unique_ptr<Repairer> repairer;
  // One Tesseract per thread. The thread-local slots hold plain pointers and `owned` the
  // engines: TBB keeps thread-local storage in memory a leak checker does not scan, so engines
  // owned there looked leaked while the pipeline was alive (CLI: kept until exit).
  std::mutex engines_mutex;
  std::vector<std::unique_ptr<OcrEngine>> owned;
  tbb::enumerable_thread_specific<OcrEngine*> engines{nullptr};

  const Repairer& get_repairer() {
    std::call_once(repairer_once, [&] {
      RepairOptions r = options.repair;
      if (r.data_dir.empty()) r.data_dir = data_dir();
      detail::StageTimer timer("setup");
      repairer = std::make_unique<Repairer>(r);
      timer.lap("repairer");
    });
    return *repairer;
  }

  OcrEngine& engine() {
    OcrEngine*& e = engines.local();
    if (!e) {
      auto made = std::make_unique<OcrEngine>(options.ocr);
      const std::lock_guard lock(engines_mutex);
      owned.push_back(std::move(made));
      e = owned.back().get();
    }
    return *e;
  }

  // Inputs that fail before their content is known go to one shard by their path.
  bool path_elsewhere(const std::string& path) const {
    return options.shard_count > 1 && shard_of(sha256_hex(path), options.shard_count) != options.shard;
  }

  // Fills `out` as it goes, so a caller that catches still has the content hash.
  void load_one(const InputPath& input, Document& out) {
    detail::StageTimer timer("load");
    std::string bytes;
    try {
      bytes = read_bytes(input.path);
    } catch (const std::exception&) {
      if (path_elsewhere(input.path)) throw OtherShardError("in another shard");
      throw;
    }
    timer.lap("read");
    out.source.path = input.path;
    out.source.size = bytes.size();
    if (options.digest || options.shard_count > 1) {
      out.source.sha256 = sha256_hex(bytes);
      timer.lap("sha256");
    }
    if (options.shard_count > 1 && shard_of(out.source.sha256, options.shard_count) != options.shard)
      throw OtherShardError("in another shard");
    if (bytes.empty()) throw InputError("empty file");
    if (options.already_done && options.already_done(out.source)) throw AlreadyDoneError("done in an earlier run");
    out.source.kind = detect_kind(bytes);
    if (out.source.kind == SourceKind::unknown && !options.encoding.empty()) out.source.kind = SourceKind::text;
    switch (out.source.kind) {
      case SourceKind::text:
        if (options.images_only) throw InputError("is text, not an image (use `protokoll repair` or `run`)");
        if (auto what = not_minutes(bytes)) {
          if (input.found) throw NotMinutesError("skipped: is " + *what + ", not minutes text");
          throw InputError("is " + *what + ", not minutes text");
        }
        load_text(bytes, out, options.encoding);
        timer.lap("decode");
        break;
      case SourceKind::image:
      case SourceKind::tiff:
        out.pages = engine().recognize_image(bytes, &out.source.warnings);
        break;
      case SourceKind::pdf:
        out.pages = engine().recognize_pdf(bytes, &out.source.warnings);
        break;
      case SourceKind::unknown:
        throw InputError("unrecognized content (not text, an image or a PDF)");
    }
    if (options.repair_text) {
      const Repairer& repairer = get_repairer();
      timer.lap("repairer");
      repairer.repair(out);
      timer.lap("repair");
    }
  }
};

Pipeline::Pipeline(PipelineOptions options) : impl_(std::make_unique<Impl>()) {
  if (!options.encoding.empty() && !encoding_supported(options.encoding))
    throw SetupError("--encoding " + options.encoding + ": no such charset (try windows-1252, ISO-8859-1 or IBM437)");
  impl_->options = std::move(options);
}
Pipeline::~Pipeline() = default;

void Pipeline::process(const std::vector<InputPath>& inputs,
                    const std::function<void(std::size_t, Document&&)>& on_loaded,
                    const std::function<void(const InputFailure&)>& on_failure) {
  // The repair models load while the first inputs are read and decoded (or OCR'd); the first
  // repair waits for them. A setup error stops the batch there, or at the end when no input
  // reached the repair stage.
  std::future<void> models;
  if (impl_->options.repair_text) models = std::async(std::launch::async, [this] { impl_->get_repairer(); });
  std::optional<tbb::global_control> limit;
  if (impl_->options.jobs > 0)
    limit.emplace(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(impl_->options.jobs));
  struct Slot {
    std::size_t index = 0;
    std::optional<Document> loaded;
    std::optional<InputFailure> failure;
  };
  std::size_t next = 0;
  std::unordered_map<std::string, std::string> first_of;  // content hash -> the first input with it
  const std::size_t tokens = std::max<std::size_t>(2, 2 * static_cast<std::size_t>(std::max(1, impl_->options.jobs > 0 ? impl_->options.jobs : 4)));
  tbb::parallel_pipeline(
      tokens,
      tbb::make_filter<void, Slot*>(tbb::filter_mode::serial_in_order,
                                    [&](tbb::flow_control& fc) -> Slot* {
                                      if (next >= inputs.size() ||
                                          (impl_->options.stop && impl_->options.stop->load())) {
                                        fc.stop();
                                        return nullptr;
                                      }
                                      auto* s = new Slot;
                                      s->index = next++;
                                      return s;
                                    }) &
          tbb::make_filter<Slot*, Slot*>(tbb::filter_mode::parallel,
                                         [&](Slot* s) {
                                           const InputPath& in = inputs[s->index];
                                           if (!in.error.empty()) {
                                             s->failure = InputFailure{in.path, in.error};
                                             s->failure->other_shard = impl_->path_elsewhere(in.path);
                                             return s;
                                           }
                                           try {
                                             const auto started = std::chrono::steady_clock::now();
                                             s->loaded.emplace();
                                             impl_->load_one(in, *s->loaded);
                                             s->loaded->seconds = std::chrono::duration<double>(
                                                 std::chrono::steady_clock::now() - started).count();
                                           } catch (const SetupError&) {
                                             delete s;
                                             throw;
                                           } catch (const OtherShardError& e) {
                                             s->failure = InputFailure{in.path, e.what(), true};
                                             s->failure->other_shard = true;
                                           } catch (const AlreadyDoneError& e) {
                                             s->failure = InputFailure{in.path, e.what(), true, true};
                                             s->failure->sha256 = s->loaded->source.sha256;
                                           } catch (const NotMinutesError& e) {
                                             s->failure = InputFailure{in.path, e.what(), true};
                                           } catch (const std::exception& e) {
                                             s->failure = InputFailure{in.path, e.what()};
                                           }
                                           return s;
                                         }) &
          tbb::make_filter<Slot*, void>(tbb::filter_mode::serial_in_order, [&](Slot* s) {
            std::unique_ptr<Slot> owned(s);
            if (s->failure) {
              if (s->failure->resumed && !s->failure->sha256.empty()) first_of.emplace(s->failure->sha256, s->failure->path);
              on_failure(*s->failure);
              return;
            }
            // The same bytes under a second name are said so and left out, in input order, so
            // which name is kept does not depend on the threads (its work is done twice, its
            // outputs once).
            const std::string& sha = s->loaded->source.sha256;
            if (!sha.empty()) {
              const auto [first, fresh] = first_of.emplace(sha, s->loaded->source.path);
              if (!fresh) {
                InputFailure dup{s->loaded->source.path, "skipped: same content as " + first->second, true};
                dup.sha256 = sha;
                on_failure(dup);
                return;
              }
            }
            on_loaded(s->index, std::move(*s->loaded));
          }));
  if (models.valid()) models.get();
}

std::size_t shard_of(std::string_view sha256_hex, std::size_t count) {
  if (count <= 1) return 0;
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 16 && i < sha256_hex.size(); ++i) {
    const char c = sha256_hex[i];
    v = v << 4 | static_cast<std::uint64_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return static_cast<std::size_t>(v % count);
}

std::vector<Document> Pipeline::load(const std::vector<InputPath>& inputs, std::vector<InputFailure>& failures) {
  std::vector<Document> out;
  process(
      inputs, [&](std::size_t, Document&& d) { out.push_back(std::move(d)); },
      [&](const InputFailure& f) { failures.push_back(f); });
  return out;
}

std::vector<Record> Pipeline::records(std::span<const Document> documents) const {
  std::vector<Record> out;
  const std::span<const Document> all = documents;
  if (impl_->options.per_file) {
    for (std::size_t d = 0; d < documents.size(); ++d)
      for (Record& r : meeting_records(all.subspan(d, 1))) out.push_back(std::move(r));
  } else {
    out = meeting_records(all);
  }
  make_ids_unique(out);
  return out;
}

}  // namespace protokoll
