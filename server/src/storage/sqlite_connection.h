#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "storage/model.h"

struct sqlite3;
struct sqlite3_stmt;

// A thin RAII layer over the SQLite C API: one connection, its prepared statements cached by
// SQL text, and errors turned into StoreError with SQLite's message.
namespace parley::storage {

class SqliteConnection;

// A prepared statement in use. Resets itself (and clears bindings) when it goes out of scope,
// so a cached statement is always ready for its next use.
class SqliteStatement {
 public:
  SqliteStatement(SqliteConnection* connection, sqlite3_stmt* statement);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Binds parameter `index` (1-based).
  SqliteStatement& Bind(int index, std::string_view text);
  SqliteStatement& Bind(int index, int64_t value);
  SqliteStatement& BindNull(int index);
  // Binds text, or NULL when `text` is empty.
  SqliteStatement& BindOrNull(int index, std::string_view text);

  // Advances to the next row: true if there is one, false when done. Throws StoreError.
  bool Step();
  // Runs a statement that returns no rows.
  void Run();

  // Columns of the current row (0-based). NULL reads as "" or 0.
  std::string Text(int column) const;
  int64_t Int(int column) const;
  bool IsNull(int column) const;

 private:
  SqliteConnection* connection_;
  sqlite3_stmt* statement_;
};

// One open database connection. Not thread-safe: each thread uses its own (SqliteStore pools
// them).
class SqliteConnection {
 public:
  // Opens (creating if needed) the database at `path` with the pragmas the server relies on,
  // and makes `rank` callable from SQL as parley_rank(up, down) (for SortOrder::kBest).
  SqliteConnection(const std::string& path, RankFunction rank);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  // Runs one or more statements without parameters.
  void Exec(std::string_view sql);

  // A cached prepared statement for `sql`.
  SqliteStatement Prepare(const std::string& sql);

  // The rowid of the last INSERT.
  int64_t LastInsertRowId() const;

  // Rows changed by the last statement.
  int64_t Changes() const;

  // Throws StoreError("<what>: <SQLite message>") when `code` is an error.
  void Check(int code, std::string_view what) const;

 private:
  sqlite3* db_ = nullptr;
  RankFunction rank_;
  std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless Commit() ran. IMMEDIATE takes the write lock
// up front, so a transaction never fails half-way because another writer got in first.
class SqliteTransaction {
 public:
  explicit SqliteTransaction(SqliteConnection* connection);
  ~SqliteTransaction();
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;

  // Commits; after this the changes are on disk (synchronous=FULL).
  void Commit();

 private:
  SqliteConnection* connection_;
  bool done_ = false;
};

}  // namespace parley::storage
