#include "parley/version.h"

namespace parley {

std::string_view Version() { return PARLEY_VERSION_STRING; }

}  // namespace parley
