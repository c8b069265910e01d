// A small JSON Schema validator for the keywords docs/record.schema.json uses (type, enum,
// required, properties, additionalProperties, items, pattern, minimum, maximum, minLength),
// so that the tests check every record they produce against the published schema.
#pragma once

#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace protokoll::testing {

inline bool schema_type_matches(const nlohmann::json& v, const std::string& type) {
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "integer") return v.is_number_integer();
  if (type == "number") return v.is_number();
  if (type == "boolean") return v.is_boolean();
  if (type == "null") return v.is_null();
  return false;
}

/// Appends one message per violation to `errors`, each with its JSON path.
inline void validate_schema(const nlohmann::json& schema, const nlohmann::json& v, const std::string& path,
                            std::vector<std::string>& errors) {
  if (schema.contains("type")) {
    bool ok = false;
    if (schema["type"].is_array()) {
      for (const auto& t : schema["type"]) ok = ok || schema_type_matches(v, t.get<std::string>());
    } else {
      ok = schema_type_matches(v, schema["type"].get<std::string>());
    }
    if (!ok) {
      errors.push_back(path + ": wrong type " + std::string(v.type_name()));
      return;
    }
  }
  if (schema.contains("enum")) {
    bool found = false;
    for (const auto& e : schema["enum"]) found = found || e == v;
    if (!found) errors.push_back(path + ": " + v.dump() + " not in enum");
  }
  if (v.is_string()) {
    const auto s = v.get<std::string>();
    if (schema.contains("pattern") && !std::regex_search(s, std::regex(schema["pattern"].get<std::string>())))
      errors.push_back(path + ": '" + s + "' does not match " + schema["pattern"].get<std::string>());
    if (schema.contains("minLength") && s.size() < schema["minLength"].get<std::size_t>())
      errors.push_back(path + ": too short");
  }
  if (v.is_number()) {
    if (schema.contains("minimum") && v.get<double>() < schema["minimum"].get<double>()) errors.push_back(path + ": below minimum");
    if (schema.contains("maximum") && v.get<double>() > schema["maximum"].get<double>()) errors.push_back(path + ": above maximum");
  }
  if (v.is_object()) {
    if (schema.contains("required"))
      for (const auto& r : schema["required"])
        if (!v.contains(r.get<std::string>())) errors.push_back(path + ": missing " + r.get<std::string>());
    const bool closed = schema.contains("additionalProperties") && schema["additionalProperties"] == false;
    for (const auto& [key, value] : v.items()) {
      if (schema.contains("properties") && schema["properties"].contains(key))
        validate_schema(schema["properties"][key], value, path + "." + key, errors);
      else if (closed)
        errors.push_back(path + ": unexpected property " + key);
    }
  }
  if (v.is_array() && schema.contains("items"))
    for (std::size_t i = 0; i < v.size(); ++i)
      validate_schema(schema["items"], v[i], path + "[" + std::to_string(i) + "]", errors);
}

}  // namespace protokoll::testing
