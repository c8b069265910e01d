// `protokoll completions bash|zsh|fish` and `protokoll manpage`: shell completions and the man
// page, written from the same CLI11 definitions that parse the command line, so that neither
// can fall behind an option. CMake runs both at build time and `cmake --install` installs them.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/common.hpp"
#include "protokoll/resources.hpp"
#include "text/text_util.hpp"

namespace protokoll::cli {
namespace {

// One option as the docs show it.
struct OptionDoc {
  std::vector<std::string> names;  // "-j", "--jobs"
  std::string description;
  bool takes_value = false;
};

std::vector<OptionDoc> options_of(const CLI::App& app) {
  std::vector<OptionDoc> out;
  for (const CLI::Option* o : app.get_options([](const CLI::Option* o) { return !o->get_positional(); })) {
    OptionDoc d;
    for (const auto& s : o->get_snames()) d.names.push_back("-" + s);
    for (const auto& l : o->get_lnames()) d.names.push_back("--" + l);
    if (d.names.empty()) continue;
    d.description = o->get_description();
    d.takes_value = o->get_items_expected_max() > 0 && o->get_type_size_max() > 0;
    out.push_back(std::move(d));
  }
  return out;
}

// A verb's own options: without those protokoll itself has (every verb has --help too).
std::vector<OptionDoc> own_options(const CLI::App& app, const CLI::App& verb) {
  std::vector<OptionDoc> out;
  const auto global = options_of(app);
  for (auto& o : options_of(verb)) {
    const bool shared = std::any_of(global.begin(), global.end(), [&](const OptionDoc& g) { return g.names == o.names; });
    if (!shared) out.push_back(std::move(o));
  }
  return out;
}

std::vector<const CLI::App*> verbs_of(const CLI::App& app) {
  std::vector<const CLI::App*> out;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) out.push_back(sub);
  return out;
}

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n') c = ' ';
  return s;
}

std::string quoted(const std::string& s, char quote) {  // inside 'single' or "double" quotes
  std::string out;
  for (char c : one_line(s)) {
    if (c == quote && quote == '\'') out += "'\\''";
    else if (quote == '[' && (c == '[' || c == ']' || c == ':' || c == '\\')) out += std::string("\\") + c;
    else out += c;
  }
  return out;
}

void bash(const CLI::App& app, std::ostream& out) {
  out << "# bash completion for protokoll (protokoll completions bash)\n_protokoll() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} verb= i opts\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n    case ${COMP_WORDS[i]} in\n      ";
  std::string names, global;
  for (const CLI::App* v : verbs_of(app)) names += (names.empty() ? "" : "|") + v->get_name();
  for (const auto& o : options_of(app))
    for (const auto& n : o.names) global += " " + n;
  out << names << ") verb=${COMP_WORDS[i]}; break ;;\n    esac\n  done\n  case $verb in\n";
  std::string verb_words;
  for (const CLI::App* v : verbs_of(app)) verb_words += " " + v->get_name();
  out << "    '') opts='" << verb_words.substr(1) << global << "' ;;\n";
  for (const CLI::App* v : verbs_of(app)) {
    std::string words = global;
    for (const auto& o : own_options(app, *v))
      for (const auto& n : o.names) words += " " + n;
    out << "    " << v->get_name() << ") opts='" << words.substr(1) << "' ;;\n";
  }
  out << "  esac\n"
         "  if [[ $verb == completions && $cur != -* ]]; then COMPREPLY=($(compgen -W 'bash zsh fish' -- \"$cur\")); return; fi\n"
         "  if [[ -z $verb || $cur == -* ]]; then COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\")); return; fi\n"
         "  COMPREPLY=($(compgen -f -- \"$cur\"))\n}\n"
         "complete -o filenames -o bashdefault -F _protokoll protokoll\n";
}

void zsh_arguments(const std::vector<OptionDoc>& options, std::ostream& out) {
  for (const auto& o : options) {
    const std::string desc = "[" + quoted(o.description, '[') + "]" + (o.takes_value ? ":value:_files" : "");
    if (o.names.size() == 1) {
      out << " \\\n      '" << quoted(o.names[0] + desc, '\'') << "'";
    } else {
      std::string group;
      for (const auto& n : o.names) group += (group.empty() ? "" : " ") + n;
      std::string alternatives;
      for (const auto& n : o.names) alternatives += (alternatives.empty() ? "" : ",") + n;
      out << " \\\n      '(" << group << ")'{" << alternatives << "}'" << quoted(desc, '\'') << "'";
    }
  }
}

void zsh(const CLI::App& app, std::ostream& out) {
  out << "#compdef protokoll\n# zsh completion for protokoll (protokoll completions zsh)\n_protokoll() {\n"
         "  local -a verbs\n  verbs=(\n";
  for (const CLI::App* v : verbs_of(app))
    out << "    '" << v->get_name() << ":" << quoted(v->get_description(), '\'') << "'\n";
  out << "  )\n  local verb i\n  for ((i = 2; i < CURRENT; i++)); do\n"
         "    if (( ${verbs[(I)${words[i]}:*]} )); then verb=${words[i]}; break; fi\n  done\n"
         "  if [[ -z $verb ]]; then\n    _arguments";
  zsh_arguments(options_of(app), out);
  out << " \\\n      '1:verb:->verb'\n    [[ $state == verb ]] && _describe verb verbs\n    return\n  fi\n"
         "  case $verb in\n";
  for (const CLI::App* v : verbs_of(app)) {
    out << "    " << v->get_name() << ")\n      _arguments";
    auto options = options_of(app);
    for (auto& o : own_options(app, *v)) options.push_back(std::move(o));
    zsh_arguments(options, out);
    out << " \\\n      " << (v->get_name() == "completions" ? "'1:shell:(bash zsh fish)'" : "'*:input:_files'") << " ;;\n";
  }
  out << "  esac\n}\n_protokoll \"$@\"\n";
}

void fish(const CLI::App& app, std::ostream& out) {
  out << "# fish completion for protokoll (protokoll completions fish)\ncomplete -c protokoll -f\n";
  std::string names;
  for (const CLI::App* v : verbs_of(app)) names += " " + v->get_name();
  auto option = [&](const OptionDoc& o, const std::string& condition) {
    out << "complete -c protokoll -n '" << condition << "'";
    for (const auto& n : o.names) out << (n.size() == 2 ? " -s " + n.substr(1) : " -l " + n.substr(2));
    out << (o.takes_value ? " -r -F" : "") << " -d '" << quoted(o.description, '\'') << "'\n";
  };
  for (const auto& o : options_of(app)) option(o, "true");
  for (const CLI::App* v : verbs_of(app)) {
    out << "complete -c protokoll -n '__fish_use_subcommand' -a " << v->get_name() << " -d '"
        << quoted(v->get_description(), '\'') << "'\n";
    const std::string seen = "__fish_seen_subcommand_from " + v->get_name();
    for (const auto& o : own_options(app, *v)) option(o, seen);
    if (v->get_name() == "completions") out << "complete -c protokoll -n '" << seen << "' -a 'bash zsh fish'\n";
    else out << "complete -c protokoll -n '" << seen << "' -F\n";
  }
}

// roff: a backslash doubled, '-' as the minus sign, other than ASCII as \[uXXXX] (troff reads
// bytes, not UTF-8), a line's leading '.' or '\'' made literal.
std::string roff(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\[u%04X]", static_cast<unsigned>(decode_utf8(s, i)));
      out += buf;
      continue;
    }
    ++i;
    if (c == '\\') out += "\\\\";
    else if (c == '-') out += "\\-";
    else out += c;
  }
  std::string lines, line;
  std::istringstream in(out);
  while (std::getline(in, line)) lines += (!line.empty() && (line[0] == '.' || line[0] == '\'') ? "\\&" : "") + line + "\n";
  return lines;
}

void options_roff(const std::vector<OptionDoc>& options, std::ostream& out) {
  for (const auto& o : options) {
    out << ".TP\n";
    for (std::size_t k = 0; k < o.names.size(); ++k) {
      std::string name = roff(o.names[k]);
      name.pop_back();  // roff() ends every line with '\n'
      out << (k ? ", " : "") << "\\fB" << name << "\\fR";
    }
    out << (o.takes_value ? " \\fIVALUE\\fR" : "") << "\n" << roff(one_line(o.description));
  }
}

void manpage(const CLI::App& app, std::ostream& out) {
  out << ".TH PROTOKOLL 1 \"\" \"protokoll " << version() << "\" \"User Commands\"\n"
      << ".SH NAME\nprotokoll \\- scanned Swedish meeting minutes to clean text and dated meeting records\n"
      << ".SH SYNOPSIS\n.B protokoll\n[\\fIOPTIONS\\fR] \\fIVERB\\fR [\\fIOPTIONS\\fR] [\\fIINPUT\\fR...]\n"
      << ".SH DESCRIPTION\n.nf\n" << roff(app.get_description()) << ".fi\n"
      << ".SH OPTIONS\nThese go before or after the verb.\n";
  options_roff(options_of(app), out);
  out << ".SH VERBS\n";
  for (const CLI::App* v : verbs_of(app)) {
    out << ".SS \"protokoll " << v->get_name() << "\"\n" << roff(one_line(v->get_description()));
    options_roff(own_options(app, *v), out);
    if (!v->get_footer().empty()) out << ".PP\n.nf\n" << roff(v->get_footer()) << ".fi\n";
  }
  out << ".SH EXIT STATUS\n"
         ".TP\n0\nok\n.TP\n1\nusage or setup error (a model or dictionary missing: the message says what to install)\n"
         ".TP\n2\nsome inputs were unusable (each named on stderr and in the manifest); the rest were processed\n"
         ".TP\n3\nan \\fBeval\\fR threshold or baseline was not met\n"
         ".TP\n130, 143\ninterrupted by SIGINT or SIGTERM: the inputs under way were finished and written\n"
         ".SH ENVIRONMENT\n"
         ".TP\nPROTOKOLL_DATA\nthe folder of protokoll's data files (default: the installed share/protokoll)\n"
         ".TP\nSLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT, JOB_COMPLETION_INDEX, PROTOKOLL_SHARD_COUNT\n"
         "read by \\fBrun \\-\\-shard auto\\fR\n"
         ".SH SEE ALSO\n\\fBtesseract\\fR(1), \\fBhunspell\\fR(1), \\fBjq\\fR(1)\n";
}

class ShellDocs : public Verb {
 public:
  ShellDocs(CLI::App& app, CLI::App* sub, bool man) : app_(app), sub_(sub), man_(man) {
    if (!man) sub->add_option("shell", shell_, "bash, zsh or fish")->required()->check(CLI::IsMember({"bash", "zsh", "fish"}));
  }
  CLI::App* subcommand() const override { return sub_; }
  int execute(char**) override {
    if (man_) manpage(app_, std::cout);
    else if (shell_ == "bash") bash(app_, std::cout);
    else if (shell_ == "zsh") zsh(app_, std::cout);
    else fish(app_, std::cout);
    std::cout.flush();
    return std::cout ? kOk : kUsage;
  }

 private:
  CLI::App& app_;
  CLI::App* sub_;
  bool man_;
  std::string shell_;
};

}  // namespace

std::unique_ptr<Verb> make_completions(CLI::App& app, Shared&) {
  CLI::App* sub = app.add_subcommand("completions", "print shell completions for bash, zsh or fish");
  sub->footer("Example:\n  source <(protokoll completions bash)\n"
              "  protokoll completions zsh > _protokoll    # a folder on $fpath; fish: ~/.config/fish/completions/");
  return std::make_unique<ShellDocs>(app, sub, false);
}

std::unique_ptr<Verb> make_manpage(CLI::App& app, Shared&) {
  CLI::App* sub = app.add_subcommand("manpage", "print the man page (roff; cmake --install installs it)");
  sub->footer("Example:\n  protokoll manpage > protokoll.1    # man -l protokoll.1");
  return std::make_unique<ShellDocs>(app, sub, true);
}

}  // namespace protokoll::cli
