#include "protokoll/pipeline.hpp"

#include <future>
#include <mutex>
#include <optional>
#include <unordered_map>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_pipeline.h>

#include "text/normalize.hpp"
#include "protokoll/resources.hpp"
#include "protokoll/segment.hpp"
#include "io/sha256.hpp"
#include "text/text_util.hpp"
#include "core/stage_timer.hpp"

namespace protokoll {

std::string pages_text(const std::vector<Page>& pages) {
  std::string out;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (p) out += '\f';
    for (std::size_t l = 0; l < pages[p].lines.size(); ++l) {
      if (l) out += '\n';
      out += pages[p].lines[l].text;
    }
  }
  return out;
}

struct Batch::Impl {
  BatchOptions options;
  std::once_flag repairer_once;
  std::unique_ptr<Repairer> repairer;
  std::mutex engines_mutex;
  tbb::enumerable_thread_specific<std::unique_ptr<OcrEngine>> engines;

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
    auto& e = engines.local();
    if (!e) e = std::make_unique<OcrEngine>(options.ocr);
    return *e;
  }

  LoadedSource load_one(const InputPath& input) {
    LoadedSource out;
    detail::StageTimer timer("load");
    const std::string bytes = read_bytes(input.path);
    timer.lap("read");
    if (bytes.empty()) throw InputError("empty file");
    out.source.path = input.path;
    if (options.digest) {
      out.source.sha256 = sha256_hex(bytes);
      timer.lap("sha256");
    }
    out.source.kind = detect_kind(bytes);
    switch (out.source.kind) {
      case SourceKind::text: {
        if (options.images_only) throw InputError("is text, not an image (use `protokoll repair` or `run`)");
        DecodedText decoded = decode_text(bytes);
        timer.lap("decode");
        out.source.encoding = decoded.encoding;
        out.ends_with_newline = decoded.utf8.empty() || decoded.utf8.back() == '\n';
        if (const std::size_t nl = decoded.utf8.find('\n'); nl != std::string::npos)
          out.crlf = nl > 0 && decoded.utf8[nl - 1] == '\r';
        out.pages = pages_from_text(normalize_unicode(decoded.utf8), 0);
        timer.lap("pages");
        break;
      }
      case SourceKind::image:
      case SourceKind::tiff:
        out.pages = engine().recognize_image(bytes, 0);
        break;
      case SourceKind::pdf:
        out.pages = engine().recognize_pdf(bytes, 0);
        break;
      case SourceKind::unknown:
        throw InputError("unrecognized content (not text, an image or a PDF)");
    }
    if (options.repair_text) repair(out);
    return out;
  }

  void repair(LoadedSource& src) {
    detail::StageTimer timer("batch");
    const Repairer& repairer = get_repairer();
    timer.lap("repairer");
    RepairResult r = repairer.repair(pages_text(src.pages));
    timer.lap("repair");
    src.repaired_words = r.changed_words;
    src.unknown_words = r.unknown_words;
    src.changes = std::move(r.changes);
    if (!options.repaired_pages) {  // ~0.01 s for 5 MB of lines, at the end of a run: spared
      src.text = std::move(r.text);
      return;
    }
    // The repair keeps the line structure, so pages (form feeds) and lines map back one to one.
    auto split = [](std::string_view text, char sep) {
      std::vector<std::string_view> parts;
      std::size_t start = 0;
      for (std::size_t i = 0; i <= text.size(); ++i)
        if (i == text.size() || text[i] == sep) {
          parts.push_back(text.substr(start, i - start));
          start = i + 1;
        }
      return parts;
    };
    auto pages = split(r.text, '\f');
    for (std::size_t p = 0; p < pages.size() && p < src.pages.size(); ++p) {
      auto lines = split(pages[p], '\n');
      for (std::size_t l = 0; l < lines.size() && l < src.pages[p].lines.size(); ++l)
        src.pages[p].lines[l].text = std::string(lines[l]);
    }
    timer.lap("pages back");
  }
};

Batch::Batch(BatchOptions options) : impl_(std::make_unique<Impl>()) { impl_->options = std::move(options); }
Batch::~Batch() = default;

const Repairer& Batch::repairer() { return impl_->get_repairer(); }

void Batch::process(const std::vector<InputPath>& inputs,
                    const std::function<void(std::size_t, LoadedSource&&)>& on_loaded,
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
    std::optional<LoadedSource> loaded;
    std::optional<InputFailure> failure;
  };
  std::size_t next = 0;
  const std::size_t tokens = std::max<std::size_t>(2, 2 * static_cast<std::size_t>(std::max(1, impl_->options.jobs > 0 ? impl_->options.jobs : 4)));
  tbb::parallel_pipeline(
      tokens,
      tbb::make_filter<void, Slot*>(tbb::filter_mode::serial_in_order,
                                    [&](tbb::flow_control& fc) -> Slot* {
                                      if (next >= inputs.size()) {
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
                                             return s;
                                           }
                                           try {
                                             s->loaded = impl_->load_one(in);
                                           } catch (const SetupError&) {
                                             delete s;
                                             throw;
                                           } catch (const std::exception& e) {
                                             s->failure = InputFailure{in.path, e.what()};
                                           }
                                           return s;
                                         }) &
          tbb::make_filter<Slot*, void>(tbb::filter_mode::serial_in_order, [&](Slot* s) {
            std::unique_ptr<Slot> owned(s);
            if (s->failure) on_failure(*s->failure);
            else on_loaded(s->index, std::move(*s->loaded));
          }));
  if (models.valid()) models.get();
}

std::vector<LoadedSource> Batch::load(const std::vector<InputPath>& inputs, std::vector<InputFailure>& failures) {
  std::vector<LoadedSource> out;
  process(
      inputs, [&](std::size_t, LoadedSource&& s) { out.push_back(std::move(s)); },
      [&](const InputFailure& f) { failures.push_back(f); });
  return out;
}

std::vector<Record> Batch::records(const std::vector<LoadedSource>& sources) const {
  std::vector<Record> out;
  // Per source, once: its line count and each page's OCR confidence sum (a meeting reads them
  // for the pages it spans; summing them per meeting made long files quadratic).
  struct PageConfidence {
    double sum = 0;
    std::size_t n = 0;
  };
  std::vector<std::size_t> total_lines(sources.size(), 0);
  std::vector<std::unordered_map<int, PageConfidence>> page_confidence(sources.size());
  for (std::size_t s = 0; s < sources.size(); ++s)
    for (const auto& page : sources[s].pages) {
      total_lines[s] += page.lines.size();
      PageConfidence& pc = page_confidence[s][page.number];
      for (const auto& line : page.lines)
        for (const auto& w : line.words)
          if (w.confidence >= 0) {
            pc.sum += w.confidence;
            ++pc.n;
          }
    }
  auto build = [&](std::size_t first, std::size_t last) {
    std::vector<StreamLine> stream;
    for (std::size_t s = first; s < last; ++s)
      for (const auto& page : sources[s].pages)
        for (const auto& line : page.lines) stream.push_back(StreamLine{line.text, s, page.number});
    const std::vector<Segment> segments = segment_meetings(stream);
    std::vector<Record> records(segments.size());
    // Meetings are independent: their records are extracted in parallel, kept in order.
    tbb::parallel_for(std::size_t(0), segments.size(), [&](std::size_t m) {
      const Segment& seg = segments[m];
      std::string text;
      for (std::size_t i = seg.begin; i < seg.end; ++i) {
        if (i > seg.begin) text += (stream[i].source != stream[i - 1].source || stream[i].page != stream[i - 1].page) ? "\n\f" : "\n";
        text += stream[i].text;
      }
      Record r = extract_record(text);
      // Provenance: every file and page the meeting spans, and quality from those pages. The
      // stream knows each line's source, so one pass over the meeting's lines collects both.
      std::vector<std::pair<std::size_t, std::vector<int>>> spans;  // source index, pages
      std::vector<std::size_t> lines_in;                           // the meeting's lines per span
      for (std::size_t i = seg.begin; i < seg.end; ++i) {
        if (spans.empty() || spans.back().first != stream[i].source) {
          spans.push_back({stream[i].source, {}});
          lines_in.push_back(0);
        }
        auto& pages = spans.back().second;
        if (pages.empty() || pages.back() != stream[i].page) pages.push_back(stream[i].page);
        ++lines_in.back();
      }
      double conf_sum = 0;
      std::size_t conf_n = 0;
      for (std::size_t k = 0; k < spans.size(); ++k) {
        const std::size_t s = spans[k].first;
        const LoadedSource& src = sources[s];
        r.source.push_back(SourceSpan{src.source.path, src.source.sha256, spans[k].second});
        for (int page : spans[k].second)
          if (auto it = page_confidence[s].find(page); it != page_confidence[s].end()) {
            conf_sum += it->second.sum;
            conf_n += it->second.n;
          }
        // Repair counts are per source; a meeting gets its share by lines.
        if (total_lines[s]) {
          r.repaired_words += src.repaired_words * lines_in[k] / total_lines[s];
          r.unknown_words += src.unknown_words * lines_in[k] / total_lines[s];
        }
      }
      if (conf_n) {
        r.ocr_confidence = conf_sum / static_cast<double>(conf_n);
        if (*r.ocr_confidence < 70)
          r.warnings.push_back({"low-ocr-confidence", "mean OCR word confidence is " +
                                                          std::to_string(static_cast<int>(*r.ocr_confidence)) + "%"});
      }
      records[m] = std::move(r);
    });
    for (auto& r : records) out.push_back(std::move(r));
  };
  if (impl_->options.per_file) {
    for (std::size_t s = 0; s < sources.size(); ++s) build(s, s + 1);
  } else if (!sources.empty()) {
    build(0, sources.size());
  }
  // Ids are unique within a run: a second meeting of the same body on the same day gets "-2".
  std::unordered_map<std::string, int> seen;
  for (auto& r : out) {
    int n = ++seen[r.id];
    if (n > 1) r.id.append("-").append(std::to_string(n));
  }
  return out;
}

}  // namespace protokoll
