#!/usr/bin/env bash
# dev.sh: the one entry point for working on Parley.
#
#   ./dev.sh setup   install the Debian and npm packages that are missing (idempotent)
#   ./dev.sh build   native program + WebAssembly core + browser bundle (build/dist/)
#   ./dev.sh test    setup, build, then every test of every layer; last line: "N passed, N failed"
#   ./dev.sh demo    setup, build, then serve the demo and print its URL
#   ./dev.sh bench   setup, build, then the benchmarks in bench/ (figures and ratios to peers)
#   ./dev.sh fuzz [SECONDS]  build the libFuzzer targets (build/fuzz) and run each (default 300 s)
#   ./dev.sh generate  regenerate the committed tables (Unicode folding, policy word lists)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

# Everything the project builds or tests with, from Debian. Add a package here when code
# starts to use it, never by hand on one machine.
DEBIAN_PACKAGES=(
  cmake ninja-build g++ clang libclang-rt-14-dev   # native toolchain, sanitizers, libFuzzer
  libgtest-dev libgmock-dev                        # GoogleTest
  nlohmann-json3-dev                               # JSON in the server and in the C++ tests
  libcpp-httplib-dev libsqlite3-dev libssl-dev zlib1g-dev  # the comment server: HTTP, storage, tokens, gzip
  wrk                                              # bench/server.mjs
  emscripten                                       # the WebAssembly build (emcc 3.1.6)
  nodejs                                           # node --test, bundling, benchmarks (npm comes with it)
  chromium                                         # browser tests (driven by playwright-core)
  unicode-data                                     # ./dev.sh generate: UnicodeData.txt, CaseFolding.txt
)

log() { printf '\033[1m[dev]\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

cmd_setup() {
  local missing=() package
  for package in "${DEBIAN_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$package")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  # npm ci wipes node_modules, so run it only when the lock file changed since the last install.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# cmd_build [TARGET...]: everything, or only the native targets named (the demo needs only
# `parley`, not the test programs).
cmd_build() {
  log "building native (build/native)"
  cmake --preset native >/dev/null
  cmake --build --preset native ${1:+--target "$@"}
  log "building WebAssembly (build/wasm)"
  cmake --preset wasm >/dev/null
  cmake --build --preset wasm
  log "bundling the browser files (build/dist)"
  node web/build.mjs
}

cmd_build_asan() {
  log "building with AddressSanitizer + UBSan (build/native-asan)"
  cmake --preset native-asan >/dev/null
  cmake --build --preset native-asan
}

# Each layer appends "name passed failed" to $RESULTS; the summary adds them up.
RESULTS=""
record() { RESULTS+="$1 $2 $3"$'\n'; }

run_ctest() {
  local layer=$1 preset=$2 output passed failed total
  log "testing $layer (ctest --preset $preset)"
  output=$(ctest --preset "$preset" -j2 2>&1) || true
  printf '%s\n' "$output" | tail -n 25
  if [[ $output =~ ([0-9]+)\ tests\ failed\ out\ of\ ([0-9]+) ]]; then
    failed=${BASH_REMATCH[1]}
    total=${BASH_REMATCH[2]}
    passed=$((total - failed))
  else
    passed=0 failed=1   # ctest itself did not run: count the layer as failed
  fi
  record "$layer" "$passed" "$failed"
}

run_node_tests() {
  local layer=$1 output passed failed
  shift
  log "testing $layer (node --test $*)"
  local tap
  tap=$(mktemp)
  # One run, two reporters: spec for people, TAP (whose totals we read) into a file.
  node --test --test-reporter=spec --test-reporter-destination=stderr \
    --test-reporter=tap --test-reporter-destination="$tap" "$@" || true
  output=$(tail -n 12 "$tap")
  rm -f "$tap"
  passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' <<<"$output")
  failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' <<<"$output")
  record "$layer" "${passed:-0}" "${failed:-1}"
}

# Builds the libFuzzer targets with clang (preset `fuzz`) and runs each for $1 seconds on its
# corpus in build/fuzz/; a crash, sanitizer report or broken output promise fails the layer
# (and the function's status, for `./dev.sh fuzz`).
run_fuzzers() {
  local seconds=$1 target failed=0
  log "fuzzing for ${seconds}s per target (build/fuzz)"
  if ! { cmake --preset fuzz >/dev/null && cmake --build --preset fuzz --target markup_fuzz policy_fuzz tape_fuzz; }; then
    record "fuzz" 0 1
    return 1
  fi
  for target in markup policy tape; do
    mkdir -p "build/fuzz/corpus-$target"
    local dict=()
    [ -f "tests/fuzz/$target.dict" ] && dict=(-dict="tests/fuzz/$target.dict")
    if ! "build/fuzz/tests/fuzz/${target}_fuzz" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
        "${dict[@]}" -artifact_prefix="build/fuzz/" -print_final_stats=1 \
        "build/fuzz/corpus-$target" 2>&1 | tail -n 12; then
      failed=$((failed + 1))
    fi
  done
  record "fuzz" $((failed == 0 ? 1 : 0)) $((failed > 0 ? 1 : 0))
  [ "$failed" -eq 0 ]
}

cmd_test() {
  cmd_setup
  cmd_build
  cmd_build_asan
  run_ctest "native" native
  run_ctest "native-asan" native-asan
  run_node_tests "widget+web" tests/widget tests/web
  run_node_tests "browser" tests/browser
  run_node_tests "server-http" tests/server-http
  run_fuzzers 25 || true

  local total_passed=0 total_failed=0 layer passed failed
  echo
  echo "Summary"
  while read -r layer passed failed; do
    [ -n "$layer" ] || continue
    printf '  %-12s %5d passed, %d failed\n' "$layer" "$passed" "$failed"
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
  done <<<"$RESULTS"
  echo "total: $total_passed passed, $total_failed failed"
  [ "$total_failed" -eq 0 ]
}

cmd_demo() {
  cmd_setup
  cmd_build parley
  # PARLEY_DEMO_DATA: where the demo keeps its database and secrets (tests use a fresh one).
  local port=${PORT:-8080} data=${PARLEY_DEMO_DATA:-data}
  local db=$data/demo.db parley=build/native/parley
  mkdir -p "$data"
  # The seed discussion comes in through the import path on first start only; the database is
  # kept between runs, so what readers post in the demo stays.
  if [ ! -e "$db" ]; then
    log "first start: importing the seed discussion (examples/news-article/comments.json)"
    "$parley" import --from json examples/news-article/comments.json --db "sqlite:$db"
  fi
  # A moderator account on first start, its password shown this once (only its scrypt hash is
  # kept); lost, it is replaced with `parley moderator remove editor` and a restart.
  local password=''
  if [ -z "$("$parley" moderator list --db "sqlite:$db")" ]; then
    password=$(head -c 15 /dev/urandom | base64 | tr '+/' 'kq')
    printf '%s\n' "$password" | "$parley" moderator add editor --db "sqlite:$db" >/dev/null
  fi
  # Sign-in for examples/sso: a secret made once and kept with the database, and the example
  # publisher's origin allowed.
  local secret=$data/demo-sign-in-secret
  if [ ! -s "$secret" ]; then
    (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$secret")
  fi
  export PARLEY_SIGN_IN_SECRET; PARLEY_SIGN_IN_SECRET=$(cat "$secret")
  export PARLEY_ORIGINS=${PARLEY_ORIGINS:-http://127.0.0.1:8090}
  log "serving the demo article on $db; Ctrl-C stops it"
  printf '\n  The article:    http://127.0.0.1:%s/\n' "$port"
  printf '  More examples:  http://127.0.0.1:%s/minimal/  /counts/  /strict-csp/\n' "$port"
  printf '  Sign-in (SSO):  PARLEY_SIGN_IN_SECRET=$(cat %s) node examples/sso/publisher.mjs --server http://127.0.0.1:%s\n' "$secret" "$port"
  printf '  Moderation:     http://127.0.0.1:%s/admin/  as "editor"' "$port"
  if [ -n "$password" ]; then
    printf ', password %s (shown only now: note it)\n\n' "$password"
  else
    printf ' (password shown on the first start; `%s moderator add NAME --db sqlite:%s` for more)\n\n' "$parley" "$db"
  fi
  # The article is the site's front page; the other examples keep their own folders.
  exec "$parley" serve --listen "127.0.0.1:$port" --db "sqlite:$db" \
    --static build/dist,examples/news-article,examples
}

cmd_bench() {
  cmd_setup
  cmd_build
  # bench/size.mjs splits the core's size with these modules, which nothing ships.
  cmake --build build/wasm --target parley_probe_bridge parley_probe_markup
  local bench
  for bench in bench/*.mjs; do
    log "bench: $bench"
    node "$bench"
  done
}

usage() {
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
}

# Regenerates the tables committed next to their generators (never run by a build).
cmd_generate() {
  log "generating core/src/text/fold_table.inc (Unicode data, TR39 confusables)"
  python3 core/src/text/generate_fold_table.py
  log "generating the policy word lists (naughty-words, cuss)"
  node core/src/policy/generate_word_lists.mjs
}

main() {
  local command=${1:-}
  [ $# -gt 0 ] && shift
  case "$command" in
    setup) cmd_setup ;;
    build) cmd_setup; cmd_build ;;
    test) cmd_test ;;
    demo) cmd_demo ;;
    bench) cmd_bench ;;
    fuzz) cmd_setup; run_fuzzers "${1:-300}" ;;
    generate) cmd_setup; cmd_generate ;;
    -h|--help|help) usage ;;
    "") usage >&2; exit 2 ;;
    *) echo "dev.sh: unknown command '$command'" >&2; usage >&2; exit 2 ;;
  esac
}

main "$@"
