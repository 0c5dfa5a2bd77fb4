#include "api/query_params.h"

namespace parley::api {

std::optional<ApiResponse> ReadBounded(const ApiRequest& request, const std::string& name,
                                       int64_t min, int64_t max, int64_t* value) {
  std::optional<std::string> text = request.Query(name);
  if (!text) return std::nullopt;
  int64_t parsed = 0;
  bool ok = !text->empty() && text->size() <= 9;
  for (char c : *text) {
    if (c < '0' || c > '9') ok = false;
    if (ok) parsed = parsed * 10 + (c - '0');
  }
  if (!ok || parsed < min || parsed > max) {
    return ErrorResponse(400, "invalid_parameter",
                         name + " must be an integer from " + std::to_string(min) + " to " +
                             std::to_string(max) + ".");
  }
  *value = parsed;
  return std::nullopt;
}

}  // namespace parley::api
