// The two ways a comment's body reaches the thread's HTML (render.h). They live apart from
// the renderer so that linking one does not link the other: the reading WebAssembly module
// names only ServerRenderedBody and so carries no markup renderer.
#include "parley/markup/html_renderer.h"
#include "parley/thread/render.h"

namespace parley::thread {

void MarkupBody(const Comment& comment, std::string* out) {
  markup::AppendHtml(comment.body, out);
}

void ServerRenderedBody(const Comment& comment, std::string* out) {
  out->append(comment.body_html);
}

}  // namespace parley::thread
