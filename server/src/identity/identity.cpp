#include "identity/identity.h"

#include <algorithm>

namespace parley::identity {

bool IsTrusted(const Identity& identity) {
  return std::any_of(identity.badges.begin(), identity.badges.end(), [](const std::string& badge) {
    return badge == "staff" || badge == "moderator";
  });
}

}  // namespace parley::identity
