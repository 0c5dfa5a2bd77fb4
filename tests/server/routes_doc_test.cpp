#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "http/routes.h"

namespace parley::http {
namespace {

nlohmann::json OpenApi() {
  std::ifstream file(std::string(PARLEY_SOURCE_DIR) + "/docs/openapi.json");
  std::stringstream text;
  text << file.rdbuf();
  return nlohmann::json::parse(text.str());
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// The route table and docs/openapi.json describe the same API: every route the server
// registers is documented, and everything documented is served.
TEST(RoutesDoc, OpenApiDescribesExactlyTheRegisteredRoutes) {
  nlohmann::json document = OpenApi();
  ASSERT_EQ(document.value("openapi", "").substr(0, 4), "3.0.");
  std::set<std::string> documented;
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      if (method == "parameters") continue;
      documented.insert(Lower(method) + " " + path);
      EXPECT_TRUE(operation.contains("responses")) << method << " " << path;
    }
  }
  std::set<std::string> registered;
  for (const Route& route : Routes())
    registered.insert(Lower(route.method) + " " + std::string(route.path));
  EXPECT_EQ(documented, registered);
}

TEST(RoutesDoc, EveryDocumentedErrorUsesTheErrorSchema) {
  nlohmann::json document = OpenApi();
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      if (method == "parameters") continue;
      for (const auto& [status, response] : operation["responses"].items()) {
        if (status.empty() || status[0] < '4') continue;
        std::string reference = response.value("$ref", "");
        std::string schema =
            response.contains("content")
                ? response["content"]["application/json"]["schema"].value("$ref", "")
                : "";
        EXPECT_TRUE(reference.find("#/components/responses/") == 0 ||
                    schema == "#/components/schemas/Error")
            << method << " " << path << " " << status;
      }
    }
  }
}

}  // namespace
}  // namespace parley::http
