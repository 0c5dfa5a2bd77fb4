#include "storage/model.h"

namespace parley::storage {

std::string_view StatusName(CommentStatus status) {
  switch (status) {
    case CommentStatus::kPublished:
      return "published";
    case CommentStatus::kPending:
      return "pending";
    case CommentStatus::kRejected:
      return "rejected";
    case CommentStatus::kDeleted:
      return "deleted";
  }
  return "published";
}

std::optional<CommentStatus> ParseStatus(std::string_view name) {
  if (name == "published") return CommentStatus::kPublished;
  if (name == "pending") return CommentStatus::kPending;
  if (name == "rejected") return CommentStatus::kRejected;
  if (name == "deleted") return CommentStatus::kDeleted;
  return std::nullopt;
}

std::string_view BanKindName(BanKind kind) {
  switch (kind) {
    case BanKind::kIdentity:
      return "identity";
    case BanKind::kEmail:
      return "email";
    case BanKind::kIp:
      return "ip";
  }
  return "identity";
}

std::optional<BanKind> ParseBanKind(std::string_view name) {
  if (name == "identity") return BanKind::kIdentity;
  if (name == "email") return BanKind::kEmail;
  if (name == "ip") return BanKind::kIp;
  return std::nullopt;
}

}  // namespace parley::storage
