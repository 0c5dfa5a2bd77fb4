#pragma once

#include <cstdint>

namespace parley::storage {

class SqliteConnection;

// The schema version this program writes (PRAGMA user_version).
int64_t LatestSchemaVersion();

// Brings the database up to LatestSchemaVersion(), one migration per transaction, so a crash
// mid-way leaves it at the last complete version. Refuses (StoreError) a database written by
// a newer program rather than guess at a schema it does not know.
void MigrateSqlite(SqliteConnection* connection);

}  // namespace parley::storage
