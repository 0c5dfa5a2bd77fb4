#pragma once

// Forced inlining for the loops that run over every byte of every comment (text folding and
// the policy's matchers). The WebAssembly module is built for size (-Oz), where Emscripten
// turns off inlining of anything not marked: there even std::vector::operator[] and a
// one-line helper stay calls, which made checking a comment several times slower than
// natively. Hot loops therefore walk raw arrays, and the helpers they call carry these.
#define PARLEY_HOT [[gnu::always_inline]] inline
#define PARLEY_HOT_LAMBDA __attribute__((always_inline))
