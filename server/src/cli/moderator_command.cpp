#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.h"
#include "cli/store_command_options.h"
#include "clock/clock.h"
#include "moderation/password_hash.h"
#include "parley/utf8.h"

namespace parley::cli {

namespace {

constexpr std::string_view kName = "moderator";
constexpr size_t kMaxNameBytes = 64;

std::string Help() {
  return "Usage: parley moderator add NAME [--db sqlite:PATH] [--config FILE]\n"
         "       parley moderator remove NAME [--db sqlite:PATH] [--config FILE]\n"
         "       parley moderator list [--db sqlite:PATH] [--config FILE]\n"
         "\n"
         "Manages the accounts that sign in to the moderation dashboard (/admin/).\n"
         "add reads the password from the first line of stdin, or prompts for it (without\n"
         "echo) on a terminal; at least 10 characters. Only its scrypt hash is stored.\n"
         "remove deletes the account and ends its sessions at once. list prints one JSON\n"
         "object per line: {\"name\", \"created\"}.\n"
         "\n"
         "Options:\n" +
         std::string(kStoreOptionsHelp);
}

bool ValidName(std::string_view name) {
  if (name.empty() || name.size() > kMaxNameBytes) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-' || c == '@';
    if (!ok) return false;
  }
  return true;
}

// The password: prompted without echo when stdin is the process's terminal, else the first
// line of stdin (so scripts and tests can pipe it in).
bool ReadPassword(CommandIo& io, std::string* password) {
  const bool terminal = &io.in == &std::cin && ::isatty(STDIN_FILENO) == 1;
  termios saved{};
  if (terminal) {
    io.err << "Password for the new moderator: " << std::flush;
    if (::tcgetattr(STDIN_FILENO, &saved) == 0) {
      termios quiet = saved;
      quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
      ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
  }
  bool read = static_cast<bool>(std::getline(io.in, *password));
  if (terminal) {
    ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    io.err << "\n";
  }
  if (!password->empty() && password->back() == '\r') password->pop_back();
  return read || !password->empty();
}

size_t Characters(std::string_view text) {
  size_t count = 0;
  for (size_t pos = 0; pos < text.size(); ++count) utf8::Decode(text, &pos);
  return count;
}

int RunModerator(const std::vector<std::string>& args, CommandIo& io) {
  ParseResult parsed = ParseOptions(args, {{"db", "config"}, {}, true});
  if (!parsed.ok()) return UsageError(kName, parsed.error, io);
  const ParsedOptions& options = parsed.options;
  if (options.help) {
    io.out << Help();
    return kExitOk;
  }
  const std::vector<std::string>& words = options.positional;
  if (words.empty()) return UsageError(kName, "say add, remove or list", io);
  const std::string& action = words[0];
  bool named = action == "add" || action == "remove";
  if (!named && action != "list") {
    return UsageError(kName, "unknown action '" + action + "': use add, remove or list", io);
  }
  if (words.size() != (named ? 2u : 1u)) {
    return UsageError(kName, named ? action + " takes one NAME" : "list takes no NAME", io);
  }
  if (named && !ValidName(words[1])) {
    return UsageError(kName,
                      "a moderator's name is 1 to 64 letters, digits and . _ - @ characters", io);
  }
  std::string password;
  if (action == "add") {
    if (!ReadPassword(io, &password) || password.empty()) {
      return Failure(kName, "give the password on stdin (first line)", io);
    }
    if (!utf8::IsValid(password) || Characters(password) < moderation::kMinPasswordCharacters) {
      return Failure(kName, "the password must be at least 10 characters", io);
    }
  }
  int exit_code = kExitOk;
  std::unique_ptr<storage::Store> store = OpenCommandStore(kName, options, io, &exit_code);
  if (store == nullptr) return exit_code;
  try {
    if (action == "list") {
      for (const storage::Moderator& moderator : store->ListModerators()) {
        nlohmann::ordered_json line = {{"name", moderator.name}, {"created", moderator.created}};
        io.out << line.dump() << "\n";
      }
      return kExitOk;
    }
    if (action == "remove") {
      if (!store->RemoveModerator(words[1])) {
        return Failure(kName, "there is no moderator '" + words[1] + "'", io);
      }
      io.out << "removed moderator " << words[1] << "\n";
      return kExitOk;
    }
    clock::SystemClock now;
    storage::Moderator moderator{words[1], moderation::HashPassword(password),
                                 clock::FormatRfc3339(now.Now())};
    if (!store->AddModerator(moderator)) {
      return Failure(kName, "there is already a moderator '" + words[1] + "'", io);
    }
    io.out << "added moderator " << words[1] << "\n";
  } catch (const storage::StoreError& error) {
    return Failure(kName, error.what(), io);
  }
  return kExitOk;
}

}  // namespace

Command ModeratorCommand() {
  static const std::string help = Help();
  return {"moderator", "add, remove or list moderator accounts (the dashboard's sign-in)", help,
          RunModerator};
}

}  // namespace parley::cli
