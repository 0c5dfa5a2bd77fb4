#pragma once

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

// Reads a file of the repository or of ../shared for the corpus-driven tests.
namespace parley::testing {

inline std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

inline nlohmann::json ReadJsonFile(const std::string& path) {
  return nlohmann::json::parse(ReadFile(path));
}

}  // namespace parley::testing
