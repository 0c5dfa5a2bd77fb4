#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/store_command_options.h"
#include "clock/clock.h"
#include "identity/guest_fields.h"
#include "identity/installation_secrets.h"
#include "identity/ip_address.h"

namespace parley::cli {

namespace {

std::string Help() {
  return "Usage: parley ban (--identity ID | --email ADDRESS | --ip ADDRESS) [--reason TEXT]\n"
         "                  [--until RFC3339] [--remove] [--db sqlite:PATH] [--config FILE]\n"
         "       parley ban --list [--db sqlite:PATH] [--config FILE]\n"
         "\n"
         "Bans (or with --remove lifts the ban on) an author identity (the author.id shown\n"
         "with their comments), an email address, or an IP address, from posting, editing,\n"
         "voting and flagging. IP addresses are stored only as salted hashes. Takes effect\n"
         "at once, also on a running server.\n"
         "\n"
         "Options:\n"
         "  --identity ID      an author id (g... for guests, u... for signed-in accounts)\n"
         "  --email ADDRESS    an email address\n"
         "  --ip ADDRESS       an IPv4 or IPv6 address\n"
         "  --reason TEXT      a note for moderators\n"
         "  --until RFC3339    when the ban ends (default: never)\n"
         "  --remove           lift the ban instead\n"
         "  --list             print every ban as JSON lines\n" +
         std::string(kStoreOptionsHelp);
}

int RunBan(const std::vector<std::string>& args, CommandIo& io) {
  ParseResult parsed = ParseOptions(
      args,
      {{"identity", "email", "ip", "reason", "until", "db", "config"}, {"remove", "list"}, false});
  if (!parsed.ok()) return UsageError("ban", parsed.error, io);
  const ParsedOptions& options = parsed.options;
  if (options.help) {
    io.out << Help();
    return kExitOk;
  }
  int targets = (options.Has("identity") ? 1 : 0) + (options.Has("email") ? 1 : 0) +
                (options.Has("ip") ? 1 : 0);
  if (!options.Has("list") && targets != 1) {
    return UsageError("ban", "name exactly one of --identity, --email or --ip (or use --list)", io);
  }
  std::string until;
  if (auto text = options.Get("until")) {
    std::optional<int64_t> parsed_until = clock::ParseRfc3339(*text);
    if (!parsed_until) return UsageError("ban", "--until must be an RFC 3339 date-time", io);
    until = clock::FormatRfc3339(*parsed_until);
  }
  int exit_code = kExitOk;
  std::unique_ptr<storage::Store> store = OpenCommandStore("ban", options, io, &exit_code);
  if (store == nullptr) return exit_code;
  try {
    if (options.Has("list")) {
      for (const storage::Ban& ban : store->ListBans()) {
        nlohmann::ordered_json line = {
            {"kind", storage::BanKindName(ban.kind)},
            {"value", ban.value},
            {"reason", ban.reason},
            {"created", ban.created},
            {"expires", ban.expires.empty() ? nlohmann::ordered_json(nullptr)
                                            : nlohmann::ordered_json(ban.expires)}};
        io.out << line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
               << "\n";
      }
      return kExitOk;
    }
    storage::Ban ban;
    if (auto id = options.Get("identity")) {
      ban.kind = storage::BanKind::kIdentity;
      ban.value = *id;
    } else if (auto email = options.Get("email")) {
      identity::FieldResult normalized = identity::NormalizeEmail(*email);
      if (!normalized.ok() || normalized.value.empty()) {
        return UsageError("ban", "--email: " + normalized.error, io);
      }
      ban.kind = storage::BanKind::kEmail;
      ban.value = normalized.value;
    } else {
      ban.kind = storage::BanKind::kIp;
      ban.value = identity::HashIpAddress(
          identity::LoadInstallationSecrets(store.get(), "").ip_salt, *options.Get("ip"));
    }
    if (options.Has("remove")) {
      bool removed = store->RemoveBan(ban.kind, ban.value);
      io.out << (removed ? "ban lifted\n" : "there was no such ban\n");
      return kExitOk;
    }
    clock::SystemClock now;
    ban.reason = options.Get("reason").value_or("");
    ban.created = clock::FormatRfc3339(now.Now());
    ban.expires = until;
    store->AddBan(ban);
    io.out << "banned " << storage::BanKindName(ban.kind) << " " << ban.value
           << (until.empty() ? "" : " until " + until) << "\n";
  } catch (const storage::StoreError& error) {
    return Failure("ban", error.what(), io);
  }
  return kExitOk;
}

}  // namespace

Command BanCommand() {
  static const std::string help = Help();
  return {"ban", "ban an author, email or IP address (or list and lift bans)", help, RunBan};
}

}  // namespace parley::cli
