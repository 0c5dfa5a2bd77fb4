#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>

#include "storage/model.h"

// Helpers shared by the server's GoogleTest suites.
namespace parley::testing {

// A fresh folder under the system's temporary directory, removed with everything in it when
// the test ends.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("parley-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// A published comment with the fields tests usually do not care about filled in.
inline storage::StoredComment MakeComment(std::string id, std::string thread, std::string created,
                                          std::string parent = "") {
  storage::StoredComment comment;
  comment.id = std::move(id);
  comment.thread = std::move(thread);
  comment.parent = std::move(parent);
  comment.created = std::move(created);
  comment.author_name = "Reader " + comment.id;
  comment.author_id = "g" + comment.id;
  comment.body = "Comment " + comment.id;
  return comment;
}

// A rank for tests: the score, so "best" orders are easy to predict.
inline int64_t ScoreRank(int64_t up, int64_t down) { return up - down; }

}  // namespace parley::testing
