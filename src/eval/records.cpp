// Scoring meeting records against gold records, field by field, the way the project's yardstick
// does it (score.py json): records matched to gold by date; items as F1 with fuzzy titles;
// chair, adjusters, next meeting and decisions (recall) where the gold has them; stray records
// count against the segmentation.
#include <algorithm>
#include <set>
#include <unordered_map>

#include <unicode/uchar.h>

#include "protokoll/eval.hpp"
#include "text/normalize.hpp"
#include "text/text_util.hpp"

namespace protokoll {
namespace {

using json = nlohmann::json;

// " ".join(NFC(s).split()): spaces collapsed, NFC.
std::string norm(const json& v) {
  if (!v.is_string()) return "";
  const std::u32string u = to_u32(nfc(v.get<std::string>()));
  std::u32string out;
  bool space = false;
  for (char32_t c : u) {
    if (u_isUWhiteSpace(static_cast<UChar32>(c)) || c == U'\x1c' || c == U'\x1d' || c == U'\x1e' || c == U'\x1f') {
      space = !out.empty();
      continue;
    }
    if (space) out += U' ';
    space = false;
    out += c;
  }
  return to_utf8(out);
}

std::string lower(const std::string& s) { return to_lower(s); }

// Levenshtein.ratio: 2 * LCS / (len a + len b) over code points (1 for two empty strings).
double ratio(const std::u32string& a, const std::u32string& b) {
  if (a.empty() && b.empty()) return 1.0;
  std::vector<std::size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
    std::swap(prev, cur);
  }
  return 2.0 * static_cast<double>(prev[b.size()]) / static_cast<double>(a.size() + b.size());
}

std::set<std::string> names(const json& v) {
  std::set<std::string> out;
  if (!v.is_array()) return out;
  for (const auto& x : v) {
    const json& n = x.is_object() ? (x.contains("name") ? x["name"] : json()) : x;
    const std::string s = norm(n);
    if (!s.empty()) out.insert(s);
  }
  return out;
}

double f1(const std::set<std::string>& pred, const std::set<std::string>& gold) {
  if (pred.empty() && gold.empty()) return 1.0;
  std::size_t tp = 0;
  for (const auto& p : pred) tp += gold.count(p);
  if (!tp) return 0.0;
  const double p = static_cast<double>(tp) / pred.size(), r = static_cast<double>(tp) / gold.size();
  return 2 * p * r / (p + r);
}

double fuzzy_f1(const std::vector<std::string>& pred, const std::vector<std::string>& gold, double cutoff = 0.85) {
  if (pred.empty() && gold.empty()) return 1.0;
  std::vector<std::u32string> left;
  for (const auto& x : pred) left.push_back(to_u32(lower(x)));
  std::size_t tp = 0;
  for (const auto& g : gold) {
    const std::u32string t = to_u32(lower(g));
    std::size_t best = 0;
    double best_ratio = -1;
    for (std::size_t i = 0; i < left.size(); ++i)
      if (const double r = ratio(t, left[i]); r > best_ratio) {
        best_ratio = r;
        best = i;
      }
    if (!left.empty() && best_ratio >= cutoff) {
      ++tp;
      left.erase(left.begin() + static_cast<long>(best));
    }
  }
  if (!tp) return 0.0;
  const double p = static_cast<double>(tp) / pred.size(), r = static_cast<double>(tp) / gold.size();
  return 2 * p * r / (p + r);
}

const json& field(const json& r, const char* key) {
  static const json null;
  return r.is_object() && r.contains(key) ? r[key] : null;
}

// Field means over every row that has the field, in the order fields first appear;
// segmentation = gold meetings found / (gold meetings + stray records); overall = their mean.
void summarize(RecordScores& out) {
  std::vector<std::string> order;
  for (const auto& row : out.per_doc)
    for (const auto& [k, v] : row.fields)
      if (std::find(order.begin(), order.end(), k) == order.end()) order.push_back(k);
  out.field_mean.clear();
  for (const auto& f : order) {
    double sum = 0;
    std::size_t n = 0;
    for (const auto& row : out.per_doc)
      for (const auto& [k, v] : row.fields)
        if (k == f) {
          sum += v;
          ++n;
        }
    out.field_mean.emplace_back(f, n ? sum / static_cast<double>(n) : 0.0);
  }
  double found = 0;
  for (const auto& row : out.per_doc) found += row.fields.front().second;
  out.field_mean.emplace_back("segmentation", found / static_cast<double>(std::max<std::size_t>(1, out.per_doc.size() + out.extra)));
  double sum = 0;
  for (const auto& [k, v] : out.field_mean) sum += v;
  out.overall = out.field_mean.empty() ? 0 : sum / static_cast<double>(out.field_mean.size());
}

}  // namespace

RecordScores score_records(const std::vector<json>& records, const std::vector<std::pair<std::string, json>>& golds) {
  RecordScores out;
  out.records = records.size();
  out.expected = golds.size();
  std::unordered_map<std::string, std::vector<const json*>> by_date;
  std::set<std::string> gold_dates;
  for (const auto& [name, g] : golds) gold_dates.insert(field(g, "date").is_string() ? g["date"].get<std::string>() : "");
  for (const auto& r : records) {
    const json& d = field(r, "date");
    by_date[d.is_string() ? d.get<std::string>() : "\x01null"].push_back(&r);
    if (!d.is_string() || !gold_dates.count(d.get<std::string>())) ++out.extra;
  }
  for (const auto& date : gold_dates)
    if (auto it = by_date.find(date); it != by_date.end() && it->second.size() > 1) out.extra += it->second.size() - 1;
  for (const auto& [name, gold] : golds) {
    const json& g = gold;  // a reference the lambdas below can capture (clang 14 cannot capture a binding)
    const std::string date = field(g, "date").is_string() ? g["date"].get<std::string>() : "";
    const auto it = by_date.find(date);
    static const json empty = json::object();
    const json& r = it != by_date.end() ? *it->second.front() : empty;
    RecordFieldScores row;
    row.doc = name;
    auto add = [&](const std::string& f, double v) { row.fields.emplace_back(f, v); };
    std::vector<std::string> titles;
    for (const auto& i : field(r, "items").is_array() ? field(r, "items") : json::array())
      titles.push_back(norm(i.is_object() ? field(i, "title") : i));
    bool warn = false;
    for (const auto& w : field(r, "warnings").is_array() ? field(r, "warnings") : json::array())
      warn = warn || (w.is_object() ? field(w, "code") : w) == "weekday-mismatch";
    auto same = [&](const char* key) { return norm(field(r, key)) == norm(field(g, key)) ? 1.0 : 0.0; };
    auto same_exact = [&](const char* key) {  // the gold's value as it is: a null gold time never matches
      return field(g, key).is_string() && norm(field(r, key)) == g[key].get<std::string>() ? 1.0 : 0.0;
    };
    std::vector<std::string> gold_items;
    for (const auto& t : field(g, "items").is_array() ? field(g, "items") : json::array()) gold_items.push_back(norm(t));
    add("date", it != by_date.end() ? 1.0 : 0.0);
    add("start", same_exact("start"));
    add("end", same_exact("end"));
    add("location", same("location"));
    add("participants", f1(names(field(r, "participants")), names(field(g, "participants"))));
    add("absent", f1(names(field(r, "absent")), names(field(g, "absent"))));
    add("secretary", same("secretary"));
    add("items", fuzzy_f1(titles, gold_items));
    const json& mismatch = field(g, "weekday_mismatch");
    add("weekday", mismatch.is_boolean() && warn == mismatch.get<bool>() ? 1.0 : 0.0);
    if (g.contains("chair")) add("chair", same("chair"));
    if (g.contains("adjusters")) add("adjusters", f1(names(field(r, "adjusters")), names(field(g, "adjusters"))));
    if (g.contains("decisions")) {
      std::vector<std::u32string> said;
      for (const auto& i : field(r, "items").is_array() ? field(r, "items") : json::array())
        if (i.is_object())
          for (const auto& x : field(i, "decisions").is_array() ? i["decisions"] : json::array()) said.push_back(to_u32(lower(norm(x))));
      std::size_t found = 0, total = 0;
      for (const auto& d : g["decisions"]) {
        ++total;
        const std::u32string t = to_u32(lower(norm(d)));
        found += std::any_of(said.begin(), said.end(), [&](const std::u32string& x) {
          return x.find(t) != std::u32string::npos || ratio(t.substr(0, 60), x.substr(0, 60)) >= 0.8;
        });
      }
      add("decisions", total ? static_cast<double>(found) / static_cast<double>(total) : 1.0);
    }
    if (g.contains("next_meeting")) {
      json nm = field(r, "next_meeting");
      if (nm.is_object()) nm = field(nm, "date");
      add("next_meeting", nm == g["next_meeting"] ? 1.0 : 0.0);
    }
    out.per_doc.push_back(std::move(row));
  }
  summarize(out);
  return out;
}

RecordScores pool_record_scores(const std::vector<RecordScores>& parts) {
  RecordScores out;
  for (const auto& p : parts) {
    out.records += p.records;
    out.expected += p.expected;
    out.extra += p.extra;
    out.per_doc.insert(out.per_doc.end(), p.per_doc.begin(), p.per_doc.end());
  }
  summarize(out);
  return out;
}

nlohmann::ordered_json to_json(const RecordScores& s) {
  nlohmann::ordered_json j;
  j["records"] = s.records;
  j["expected"] = s.expected;
  j["extra_records"] = s.extra;
  j["per_doc"] = nlohmann::ordered_json::array();
  for (const auto& row : s.per_doc) {
    nlohmann::ordered_json r;
    r["doc"] = row.doc;
    for (const auto& [k, v] : row.fields) r[k] = v;
    j["per_doc"].push_back(std::move(r));
  }
  j["field_mean"] = nlohmann::ordered_json::object();
  for (const auto& [k, v] : s.field_mean) j["field_mean"][k] = v;
  j["overall"] = s.overall;
  return j;
}

std::vector<json> parse_records(const std::string& text) {
  std::vector<json> out;
  auto take = [&](json v) {
    if (v.is_array())
      for (auto& x : v) out.push_back(std::move(x));
    else
      out.push_back(std::move(v));
  };
  if (json whole = json::parse(text, nullptr, false); !whole.is_discarded()) {
    take(std::move(whole));
    return out;
  }
  bool any = false;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    json v = json::parse(text.begin() + static_cast<long>(start), text.begin() + static_cast<long>(end), nullptr, false);
    if (!v.is_discarded()) {
      any = true;
      take(std::move(v));
    }
    start = end + 1;
  }
  if (!any && text.find_first_not_of(" \t\r\n") != std::string::npos)
    throw std::runtime_error("not meeting records (neither JSON nor JSON Lines)");
  return out;
}

}  // namespace protokoll
