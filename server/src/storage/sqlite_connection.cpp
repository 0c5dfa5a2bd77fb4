#include "storage/sqlite_connection.h"

#include <sqlite3.h>

#include "storage/store.h"

namespace parley::storage {

SqliteStatement::SqliteStatement(SqliteConnection* connection, sqlite3_stmt* statement)
    : connection_(connection), statement_(statement) {}

SqliteStatement::~SqliteStatement() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

SqliteStatement& SqliteStatement::Bind(int index, std::string_view text) {
  // SQLITE_TRANSIENT: SQLite copies the bytes, so callers may pass temporaries.
  connection_->Check(sqlite3_bind_text64(statement_, index, text.data(), text.size(),
                                         SQLITE_TRANSIENT, SQLITE_UTF8),
                     "bind");
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, int64_t value) {
  connection_->Check(sqlite3_bind_int64(statement_, index, value), "bind");
  return *this;
}

SqliteStatement& SqliteStatement::BindNull(int index) {
  connection_->Check(sqlite3_bind_null(statement_, index), "bind");
  return *this;
}

SqliteStatement& SqliteStatement::BindOrNull(int index, std::string_view text) {
  return text.empty() ? BindNull(index) : Bind(index, text);
}

bool SqliteStatement::Step() {
  int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  connection_->Check(code, "step");
  return false;
}

void SqliteStatement::Run() {
  while (Step()) {
  }
}

std::string SqliteStatement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(statement_, column);
  if (text == nullptr) return {};
  int bytes = sqlite3_column_bytes(statement_, column);
  return std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(bytes));
}

int64_t SqliteStatement::Int(int column) const { return sqlite3_column_int64(statement_, column); }

bool SqliteStatement::IsNull(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

namespace {

// parley_rank(up, down): the store's rank function, as an SQL function.
void RankSqlFunction(sqlite3_context* context, int /*argc*/, sqlite3_value** argv) {
  auto rank = *static_cast<RankFunction*>(sqlite3_user_data(context));
  sqlite3_result_int64(context, rank(sqlite3_value_int64(argv[0]), sqlite3_value_int64(argv[1])));
}

}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, RankFunction rank) : rank_(rank) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int code = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (code != SQLITE_OK) {
    std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError("cannot open database '" + path + "': " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
  // Another process (`parley ban`, a backup) may hold the lock briefly; wait instead of failing.
  sqlite3_busy_timeout(db_, 5000);
  // WAL lets readers run while a comment is written; synchronous=FULL syncs the WAL on every
  // commit, which is what makes a 2xx answer mean "on disk" even if the machine loses power.
  Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  Check(sqlite3_create_function_v2(db_, "parley_rank", 2,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, &rank_,
                                   RankSqlFunction, nullptr, nullptr, nullptr),
        "create function");
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
  sqlite3_close(db_);
}

void SqliteConnection::Exec(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (code != SQLITE_OK) {
    std::string error = message != nullptr ? message : sqlite3_errstr(code);
    sqlite3_free(message);
    throw StoreError("sqlite: " + error);
  }
}

SqliteStatement SqliteConnection::Prepare(const std::string& sql) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    sqlite3_stmt* statement = nullptr;
    Check(sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                             SQLITE_PREPARE_PERSISTENT, &statement, nullptr),
          "prepare");
    found = statements_.emplace(sql, statement).first;
  }
  return SqliteStatement(this, found->second);
}

int64_t SqliteConnection::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

int64_t SqliteConnection::Changes() const { return sqlite3_changes64(db_); }

void SqliteConnection::Check(int code, std::string_view what) const {
  if (code == SQLITE_OK || code == SQLITE_ROW || code == SQLITE_DONE) return;
  throw StoreError("sqlite " + std::string(what) + ": " + sqlite3_errmsg(db_));
}

SqliteTransaction::SqliteTransaction(SqliteConnection* connection) : connection_(connection) {
  connection_->Exec("BEGIN IMMEDIATE");
}

SqliteTransaction::~SqliteTransaction() {
  if (!done_) {
    try {
      connection_->Exec("ROLLBACK");
    } catch (const StoreError&) {
      // SQLite may already have rolled back (after an I/O error); nothing more to undo.
    }
  }
}

void SqliteTransaction::Commit() {
  connection_->Exec("COMMIT");
  done_ = true;
}

}  // namespace parley::storage
