// libFuzzer target for the tape (parley/json.h), the reading WebAssembly module's input in
// place of JSON text: any bytes in. A tape that reads must give strings of valid UTF-8, and the
// thread rendered from it (as the reading module renders it) must be valid UTF-8 too; ASan and
// UBSan watch the reader, which must never read outside the bytes it was given.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "parley/json.h"
#include "parley/thread/render.h"
#include "parley/utf8.h"

namespace {

void CheckStrings(parley::json::View value) {
  if (value.IsString() && !parley::utf8::IsValid(value.AsString())) {
    std::fprintf(stderr, "a string read from the tape is not valid UTF-8\n");
    std::abort();
  }
  for (parley::json::View item : value.Items()) CheckStrings(item);
  for (const parley::json::MemberView& member : value.Members()) {
    if (!parley::utf8::IsValid(member.key)) {
      std::fprintf(stderr, "a key read from the tape is not valid UTF-8\n");
      std::abort();
    }
    CheckStrings(member.value);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // A buffer of exactly the input's size, so any read past it is one ASan reports.
  const std::vector<char> bytes(data, data + size);
  const parley::json::Document tape(parley::json::kTape, std::string_view(bytes.data(), bytes.size()));
  if (!tape.ok()) return 0;
  CheckStrings(tape.root());
  static const char kNullTape[] = {1, 0, 0, 0, 0, 0, 0, 0};  // one word: the tag of null
  const parley::json::Document options(parley::json::kTape, std::string_view(kNullTape, sizeof kNullTape));
  const parley::thread::RenderResult result = parley::thread::RenderThreadFrom(
      tape, options, parley::thread::ServerRenderedBody, parley::i18n::EnglishThreadStrings);
  // bodyHtml is the server's and passes as it is; everything else the thread prints is checked.
  if (result.ok() && !parley::utf8::IsValid(result.html)) {
    std::fprintf(stderr, "the thread rendered from a tape is not valid UTF-8\n");
    std::abort();
  }
  return 0;
}
