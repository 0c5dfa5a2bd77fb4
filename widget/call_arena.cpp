// The reading module's malloc: an arena that lives for one call. Linked only into
// parley-core.wasm (built with -sMALLOC=none), whose every use is one call from JavaScript:
// allocate the input, render, hand the answer over (bridge.h), free both once JavaScript has
// read the answer. Blocks are handed out from the top of the arena; free() only counts them
// (and takes back the topmost block, which is what a growing vector or string frees), and when
// the last live block is freed the arena starts over. That is the whole allocator: a fraction
// of emmalloc's code on every reader's download, and no allocation costs more than a pointer
// bump.
//
// What it trades: memory freed in the middle of a call is not reused until the call ends, so a
// call peaks somewhat higher than with a general allocator (WebAssembly memory never shrinks
// either way). A block that outlived every call (none does today) would only stop the arena
// from starting over, never corrupt it. The writing module keeps emmalloc: it caches a compiled
// policy across calls.
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>

// Where the linker leaves free memory: after the data and the stack.
extern "C" char __heap_base;

namespace {

constexpr size_t kPage = 65536;  // WebAssembly's unit of memory

// Every block starts on this boundary (max_align_t's) behind a header of the same size that
// records the block's size, for realloc.
constexpr size_t kAlign = 16;

char* arena_base = nullptr;  // the first block's header
char* arena_top = nullptr;   // where the next block's header goes
char* arena_end = nullptr;   // the end of the memory taken from sbrk
char* last_block = nullptr;  // the most recent block, which can grow or go back in place
size_t live_blocks = 0;

size_t RoundUp(size_t size) { return (size + kAlign - 1) & ~(kAlign - 1); }

size_t& SizeOf(void* block) { return *reinterpret_cast<size_t*>(static_cast<char*>(block) - kAlign); }

// Makes the arena reach at least `end`, growing the module's memory (by at least 1 MiB, so a
// thread's many small blocks cost few grows); false when it cannot grow. JavaScript notices a
// grown memory itself (parley-core.mjs remakes its views).
bool Reach(char* end) {
  if (end <= arena_end) return true;
  const size_t wanted = (static_cast<size_t>(end - arena_end) + kPage - 1) / kPage;
  const size_t pages = wanted > 16 ? wanted : 16;
  if (__builtin_wasm_memory_grow(0, pages) == SIZE_MAX) return false;
  arena_end = reinterpret_cast<char*>(__builtin_wasm_memory_size(0) * kPage);
  return true;
}

void* Allocate(size_t size, size_t alignment) {
  if (arena_base == nullptr) {
    char* start = &__heap_base;
    arena_base = arena_top = start + (kAlign - reinterpret_cast<uintptr_t>(start) % kAlign) % kAlign;
    arena_end = reinterpret_cast<char*>(__builtin_wasm_memory_size(0) * kPage);
  }
  if (size > SIZE_MAX / 2 || alignment > 4096) return nullptr;
  char* block = arena_top + kAlign;
  block += (alignment - reinterpret_cast<uintptr_t>(block) % alignment) % alignment;
  char* end = block + RoundUp(size == 0 ? 1 : size);
  if (!Reach(end)) return nullptr;
  SizeOf(block) = size;
  arena_top = end;
  last_block = block;
  ++live_blocks;
  return block;
}

}  // namespace

extern "C" {

void* malloc(size_t size) { return Allocate(size, kAlign); }

void free(void* block) {
  if (block == nullptr || live_blocks == 0) return;
  if (--live_blocks == 0) {
    arena_top = arena_base;  // nothing is alive: the arena starts over
    last_block = nullptr;
  } else if (block == last_block) {
    arena_top = static_cast<char*>(block) - kAlign;
    last_block = nullptr;
  }
}

void* calloc(size_t count, size_t size) {
  if (size != 0 && count > SIZE_MAX / size) return nullptr;
  void* block = malloc(count * size);
  if (block != nullptr) std::memset(block, 0, count * size);
  return block;
}

void* realloc(void* block, size_t size) {
  if (block == nullptr) return malloc(size);
  if (block == last_block) {
    // The topmost block grows (or shrinks) where it is.
    char* end = static_cast<char*>(block) + RoundUp(size == 0 ? 1 : size);
    if (!Reach(end)) return nullptr;
    SizeOf(block) = size;
    arena_top = end;
    return block;
  }
  void* moved = malloc(size);
  if (moved == nullptr) return nullptr;
  const size_t old_size = SizeOf(block);
  std::memcpy(moved, block, old_size < size ? old_size : size);
  free(block);
  return moved;
}

void* aligned_alloc(size_t alignment, size_t size) {
  if (alignment == 0 || (alignment & (alignment - 1)) != 0) return nullptr;
  return Allocate(size, alignment < kAlign ? kAlign : alignment);
}

void* memalign(size_t alignment, size_t size) { return aligned_alloc(alignment, size); }

int posix_memalign(void** out, size_t alignment, size_t size) {
  if (alignment < sizeof(void*) || (alignment & (alignment - 1)) != 0) return EINVAL;
  void* block = aligned_alloc(alignment, size);
  if (block == nullptr) return ENOMEM;
  *out = block;
  return 0;
}

}  // extern "C"
