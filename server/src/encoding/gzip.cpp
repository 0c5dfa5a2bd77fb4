#include "encoding/gzip.h"

#include <zlib.h>

namespace parley::encoding {

std::string GzipCompress(std::string_view data, int level) {
  z_stream stream{};
  // 15 window bits + 16 selects the gzip wrapper rather than raw zlib.
  if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return result == Z_STREAM_END ? out : std::string();
}

bool AcceptsGzip(std::string_view accept_encoding) {
  size_t start = 0;
  while (start < accept_encoding.size()) {
    size_t comma = accept_encoding.find(',', start);
    if (comma == std::string_view::npos) comma = accept_encoding.size();
    std::string_view item = accept_encoding.substr(start, comma - start);
    start = comma + 1;
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    size_t semicolon = item.find(';');
    std::string_view name = item.substr(0, semicolon);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name != "gzip" && name != "*") continue;
    if (semicolon != std::string_view::npos) {
      std::string_view parameters = item.substr(semicolon + 1);
      size_t q = parameters.find("q=");
      if (q != std::string_view::npos) {
        std::string_view value = parameters.substr(q + 2);
        value = value.substr(0, value.find_first_of(" ;,"));
        // q=0, q=0.0, q=0.000 refuse the encoding.
        if (!value.empty() && value.find_first_not_of("0.") == std::string_view::npos) continue;
      }
    }
    return true;
  }
  return false;
}

}  // namespace parley::encoding
