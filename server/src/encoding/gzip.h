#pragma once

#include <string>
#include <string_view>

namespace parley::encoding {

// gzip-compresses `data` at zlib `level` (1 fastest .. 9 smallest); "" if zlib fails.
std::string GzipCompress(std::string_view data, int level);

// True when an Accept-Encoding header value accepts gzip (also via "*"; not with q=0).
bool AcceptsGzip(std::string_view accept_encoding);

}  // namespace parley::encoding
