#pragma once

// Integer query parameters, read the same way by every route: decimal digits only, at most
// nine of them, within the route's bounds; anything else is a 400 naming the parameter.

#include <cstdint>
#include <optional>
#include <string>

#include "api/api_types.h"

namespace parley::api {

// Reads the query parameter `name`, when present, as a decimal integer from min to max into
// `value` (left as it is when the parameter is absent). An empty value is an error.
std::optional<ApiResponse> ReadBounded(const ApiRequest& request, const std::string& name,
                                       int64_t min, int64_t max, int64_t* value);

}  // namespace parley::api
