#include "identity/installation_secrets.h"

#include "identity/crypto.h"

namespace parley::identity {

InstallationSecrets LoadInstallationSecrets(storage::Store* store,
                                            std::string_view configured_token_secret) {
  auto make_secret = [] { return Base64UrlEncode(RandomBytes(32)); };
  InstallationSecrets secrets;
  secrets.token_secret = configured_token_secret.empty()
                             ? store->GetOrCreateSetting("token_secret", make_secret)
                             : std::string(configured_token_secret);
  secrets.ip_salt = store->GetOrCreateSetting("ip_salt", make_secret);
  return secrets;
}

}  // namespace parley::identity
