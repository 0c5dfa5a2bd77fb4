#pragma once

#include <string>
#include <string_view>

#include "storage/store.h"

namespace parley::identity {

// The keys one installation signs and hashes with. Generated on first start and kept in the
// database, so restarts and every command (`parley ban --ip`) agree without configuration.
struct InstallationSecrets {
  std::string token_secret;  // author tokens and signed-in ids; the configured one if given
  std::string ip_salt;       // IP address hashes
};

// Loads the secrets, creating them on first use. `configured_token_secret` (from the
// configuration) overrides the stored token secret when not empty.
InstallationSecrets LoadInstallationSecrets(storage::Store* store,
                                            std::string_view configured_token_secret);

}  // namespace parley::identity
