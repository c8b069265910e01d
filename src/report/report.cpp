// The report's two kinds of page: a document's (its facts, warnings, records and pages) and
// the run's index.
#include "protokoll/report.hpp"

#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "report/html.hpp"
#include "report/parts.hpp"

namespace protokoll {
namespace {

// A page whose mean word confidence is below this is listed as doubtful (the records use
// the same bound for a meeting's pages).
constexpr double kLowPageConfidence = 70;

const char* kind_name(SourceKind k) {
  switch (k) {
    case SourceKind::text: return "text";
    case SourceKind::image: return "image";
    case SourceKind::tiff: return "tiff";
    case SourceKind::pdf: return "pdf";
    default: return "unknown";
  }
}

std::string one_decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

struct Listed {
  std::string code, message, href;
};

std::vector<Listed> warnings_of(const Document& doc, std::span<const Record> records) {
  std::vector<Listed> out;
  for (const auto& w : doc.source.warnings)
    if (w.find("(unread-region)") == std::string::npos)  // listed per page below
      out.push_back({"decoding", w, ""});
  for (const Page& p : doc.pages) {
    if (p.ocr_confidence && *p.ocr_confidence < kLowPageConfidence)
      out.push_back({"low-ocr-confidence", "page " + std::to_string(p.number) + ": mean word confidence " + one_decimal(*p.ocr_confidence),
                     "#p" + std::to_string(p.number)});
    if (!p.unread.empty())
      out.push_back({"unread-region", "page " + std::to_string(p.number) + ": " + describe_unread(p), "#p" + std::to_string(p.number)});
  }
  for (std::size_t i = 0; i < records.size(); ++i)
    for (const auto& w : records[i].warnings)
      if (w.code != "low-ocr-confidence" && w.code != "unread-region")  // listed per page above
        out.push_back({w.code, "meeting " + std::to_string(i + 1) + ": " + w.message, "#m" + std::to_string(i + 1)});
  return out;
}

void append_facts(std::string& out, const Document& doc, std::size_t meetings) {
  out += "<p class=\"facts\">" + std::string(kind_name(doc.source.kind)) + " &middot; " + std::to_string(doc.pages.size()) +
         " page(s) &middot; " + std::to_string(doc.words) + " words &middot; " + std::to_string(doc.repaired_words) +
         " repaired &middot; " + std::to_string(doc.unknown_words) + " unknown &middot; " + std::to_string(meetings) + " meeting(s)";
  if (auto c = doc.mean_confidence()) out += " &middot; mean OCR confidence " + one_decimal(*c);
  if (!doc.source.encoding.empty()) out += " &middot; " + report::escaped(doc.source.encoding);
  out += "</p>\n";
  out += "<p class=\"keys\">Repairs: <span class=\"sample-fix\">solid underline</span>; hover or focus one for what OCR read, "
         "its margin and the next best reading. Doubtful OCR words: <span class=\"sample-low\">dotted</span>. Keys: <kbd>n</kbd> "
         "next repair, <kbd>p</kbd> previous, <kbd>Tab</kbd> through them.</p>\n";
}

}  // namespace

DocumentReport document_report(const Document& doc, std::span<const Record> records, const std::string& name,
                               const std::string& index_href) {
  using report::escaped;
  DocumentReport r;
  const std::string& path = doc.source.path;
  std::string& out = r.html;
  out = report::page_start(path + " · protokoll report", report::kDocumentStyle);
  out += "<nav><a href=\"" + escaped(report::url_escaped(index_href)) + "\">&larr; All documents</a></nav>\n<h1>" +
         escaped(path) + "</h1>\n";
  append_facts(out, doc, records.size());

  const auto warnings = warnings_of(doc, records);
  out += "<section class=\"warnings\" id=\"warnings\"><h2>Warnings (" + std::to_string(warnings.size()) + ")</h2>\n";
  if (!warnings.empty()) {
    out += "<ul>\n";
    for (const auto& w : warnings) {
      out += "<li><code>" + escaped(w.code) + "</code> ";
      out += w.href.empty() ? escaped(w.message) : "<a href=\"" + w.href + "\">" + escaped(w.message) + "</a>";
      out += "</li>\n";
    }
    out += "</ul>\n";
  }
  out += "</section>\n";
  report::append_records(out, doc, records);
  report::append_pages(out, doc, name, r.images);
  out += report::page_end(report::kDocumentScript);

  ReportEntry& e = r.entry;
  e.input = path;
  e.kind = kind_name(doc.source.kind);
  e.pages = doc.pages.size();
  e.meetings = records.size();
  e.repairs = doc.repaired_words;
  e.unknown_words = doc.unknown_words;
  e.words = doc.words;
  e.ocr_confidence = doc.mean_confidence();
  for (const auto& w : warnings) e.warnings.push_back(w.code);
  return r;
}

std::string index_report(std::span<const ReportEntry> entries) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  std::size_t failed = 0, pages = 0, repairs = 0;
  for (const auto& e : entries) {
    nlohmann::ordered_json row{{"input", e.input}, {"href", report::url_escaped(e.href)}, {"kind", e.kind},
                               {"pages", e.pages},  {"meetings", e.meetings},           {"repairs", e.repairs},
                               {"unknown", e.unknown_words}, {"words", e.words}};
    row["confidence"] = e.ocr_confidence ? nlohmann::ordered_json(std::round(*e.ocr_confidence * 10) / 10) : nullptr;
    row["warnings"] = e.warnings;
    if (!e.error.empty()) row["error"] = e.error;
    rows.push_back(std::move(row));
    failed += !e.error.empty();
    pages += e.pages;
    repairs += e.repairs;
  }
  std::string out = report::page_start("protokoll report", report::kIndexStyle);
  out += "<h1>protokoll report</h1>\n<p>" + std::to_string(entries.size()) + " inputs, " + std::to_string(pages) + " pages, " +
         std::to_string(repairs) + " repairs, " + std::to_string(failed) + " failed.</p>\n";
  out +=
      "<div class=\"controls\"><button id=\"worst\" type=\"button\">Worst first</button>"
      "<label>Warning <select id=\"code\"><option value=\"\">any</option></select></label>"
      "<label>File <input id=\"filter\" type=\"search\" placeholder=\"part of the path\"></label>"
      "<span id=\"count\" aria-live=\"polite\"></span></div>\n"
      "<noscript><p>Sorting and paging need JavaScript; each document's page is its path with .html, beside this index.</p></noscript>\n"
      "<table id=\"docs\"><thead><tr><th data-key=\"input\"><button type=\"button\">Document</button></th>"
      "<th data-key=\"kind\"><button type=\"button\">Kind</button></th><th data-key=\"pages\"><button type=\"button\">Pages</button></th>"
      "<th data-key=\"meetings\"><button type=\"button\">Meetings</button></th><th data-key=\"repairs\"><button type=\"button\">Repairs</button></th>"
      "<th data-key=\"unknown\"><button type=\"button\">Unknown words</button></th>"
      "<th data-key=\"confidence\"><button type=\"button\">OCR confidence</button></th>"
      "<th data-key=\"warnings\"><button type=\"button\">Warnings</button></th></tr></thead><tbody></tbody></table>\n"
      "<div class=\"pager\"><button id=\"prev\" type=\"button\">&larr; Previous</button> <span id=\"where\"></span> "
      "<button id=\"next\" type=\"button\">Next &rarr;</button></div>\n";
  out += "<script type=\"application/json\" id=\"entries\">" +
         report::script_safe(rows.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) + "</script>\n";
  out += report::page_end(report::kIndexScript);
  return out;
}

}  // namespace protokoll
