#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string_view>
#include <vector>

#include "storage/model.h"

// What readers may see of comments. The JSON API, the events and the server-rendered HTML
// all go through here, so the private fields (email, IP hash, edit token) have exactly one
// place where they are left out.
namespace parley::api {

// One comment in the comment model (docs/API.md): what exports keep.
nlohmann::json CommentModel(const storage::StoredComment& comment);

// The public JSON of one comment: the comment model with `bodyHtml`, the body as the core
// renders it.
nlohmann::json PublicComment(const storage::StoredComment& comment);

// A comment the viewer may not see but whose replies they may: its place in the tree with
// nothing of its content ("status": "deleted", empty author and body).
nlohmann::json RedactedComment(const storage::StoredComment& comment);

// The public JSON of a comment for its own author: for their held or rejected comments it adds
// "moderation": {"reason", "note"} (why, so the widget can tell them).
nlohmann::json OwnComment(const storage::StoredComment& comment);

// True when `viewer_id` may read `comment`: published comments, and their own pending and
// rejected ones.
bool ViewerMaySee(const storage::StoredComment& comment, std::string_view viewer_id);

// The public view of a list of comments (one thread or one page of it), in the same order:
// visible comments in full, hidden ones redacted where visible replies hang under them, and
// the rest left out. The viewer's own comments come as OwnComment.
nlohmann::json PublicView(const std::vector<storage::StoredComment>& comments,
                          std::string_view viewer_id);

}  // namespace parley::api
