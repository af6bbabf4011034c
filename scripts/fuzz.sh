#!/usr/bin/env bash
# Fuzz one of satkit's input readers with libFuzzer (swiftc -sanitize=fuzzer,address).
#
#   scripts/fuzz.sh TARGET SECONDS [LIBFUZZER_OPTION ...]
#   scripts/fuzz.sh --list
#
# TARGET is one of:
#   schema   the survey-file loader: Survey(json5:fileName:)         (SurveySchema)
#   csv      the CSV byte reader: CSVReader(bytes:...).forEachRecord (SurveyData/CSV, Encoding)
#   coder    the cell coders: scale, category, multi-select, numbers (SurveyData/Coding)
#            and the whole importer on the same bytes              (SurveyData/Import)
#
# SwiftPM cannot build fuzzers beside the normal products, so this script compiles the module
# sources straight with swiftc:
#   1. each library module (SurveySchema, then SurveyData) into a static library and a
#      .swiftmodule, instrumented with -sanitize=fuzzer,address (-enable-testing, so that the
#      coder target can reach the internal coders with @testable import);
#   2. Fuzz/targets/TARGET.swift, which defines LLVMFuzzerTestOneInput, linked with libFuzzer's
#      main and the libraries above.
#
# Inputs and outputs:
#   Fuzz/corpus/TARGET/    seed corpus, committed (small valid and broken inputs); read only
#   Fuzz/dict/TARGET.dict  tokens for the mutator, committed (when present)
#   fuzz/build/            compiled libraries and fuzzers            (git-ignored: /fuzz/)
#   fuzz/corpus/TARGET/    inputs the fuzzer found interesting; kept between runs
#   fuzz/crashes/TARGET/   crash-*, timeout-*, oom-* reproducers
#   fuzz/logs/TARGET-*.log the full libFuzzer log of each run
#
# The summary at the end gives executions, executions per second, coverage (cov: edges,
# ft: features), corpus size and any crash file. Reproduce a crash with
#   fuzz/build/fuzz-TARGET fuzz/crashes/TARGET/crash-...
#
# Environment:
#   FUZZ_OPT   optimisation flag for every compile (default -Onone; use -O for long runs:
#              several times more executions per second, but a much slower compile)
#   FUZZ_JOBS  run libFuzzer with -fork=N -ignore_crashes=1: N worker processes, and the run
#              goes on past a crash (each one is still written to fuzz/crashes/TARGET/).
#              FUZZ_JOBS=1 fuzzes past a known crash; default: one process that stops at the
#              first crash
#   FUZZ_MAX_LEN  largest input the mutator makes (default per target, below)
#   SWIFTC     the compiler (default: swiftc on PATH)
#
# Examples:
#   scripts/fuzz.sh schema 60                  # one minute, in this session's budget
#   FUZZ_OPT=-O scripts/fuzz.sh csv 1800       # the 30-minute run of issue 9
#   scripts/fuzz.sh coder 60 -only_ascii=1     # extra options go to libFuzzer
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
swiftc="${SWIFTC:-swiftc}"
opt="${FUZZ_OPT:--Onone}"

targets="schema csv coder"

usage() {
    echo "usage: scripts/fuzz.sh TARGET SECONDS [LIBFUZZER_OPTION ...]" >&2
    echo "targets: $targets" >&2
    exit 64
}

if [[ "${1:-}" == "--list" ]]; then
    echo "$targets"
    exit 0
fi
[[ $# -ge 2 ]] || usage
target="$1"
seconds="$2"
shift 2
[[ " $targets " == *" $target "* ]] || { echo "unknown target '$target'" >&2; usage; }
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -gt 0 ]] || { echo "SECONDS must be a positive whole number" >&2; usage; }

# The modules each target needs, in dependency order, and its default largest input.
case "$target" in
    schema) modules="SurveySchema"; max_len=65536 ;;
    csv)    modules="SurveySchema SurveyData"; max_len=16384 ;;
    coder)  modules="SurveySchema SurveyData"; max_len=4096 ;;
esac
max_len="${FUZZ_MAX_LEN:-$max_len}"

build="$root/fuzz/build"
out_corpus="$root/fuzz/corpus/$target"
crashes="$root/fuzz/crashes/$target"
logs="$root/fuzz/logs"
mkdir -p "$build" "$out_corpus" "$crashes" "$logs"

flags=(-sanitize=fuzzer,address -g "$opt" -swift-version 6 -parse-as-library)
# lld: gold warns about every ASan helper symbol it cannot export.
link_flags=(-use-ld=lld)

# Builds MODULE into $build/libMODULE.a and $build/MODULE.swiftmodule unless its sources,
# the flags and the modules it imports are unchanged since the last build.
build_module() {
    local module="$1"
    local sources
    sources=$(find "$root/Sources/$module" -name '*.swift' | LC_ALL=C sort)
    local stamp
    # The flags, the sources, and the stamps of the modules built before it (which it imports).
    stamp=$( { echo "${flags[*]}"; cat $sources; echo "$built_stamps"; } | sha256sum | cut -c1-64)
    if [[ -f "$build/$module.stamp" && "$(cat "$build/$module.stamp")" == "$stamp" \
          && -f "$build/lib$module.a" ]]; then
        echo "fuzz: $module is up to date"
        return 0
    fi
    echo "fuzz: compiling $module ($(echo "$sources" | wc -l) files, $opt)"
    rm -f "$build/$module.stamp"
    # shellcheck disable=SC2086
    "$swiftc" "${flags[@]}" -enable-testing -module-name "$module" -I "$build" \
        -emit-module -emit-module-path "$build/$module.swiftmodule" \
        -emit-library -static -o "$build/lib$module.a" $sources
    echo "$stamp" > "$build/$module.stamp"
}

# The C targets, CSHA256 (SHA-NI SHA-256, imported by SurveySchema), CUTF8 (vector UTF-8
# validation, imported by SurveyData) and CCPU (the CPU features CUTF8 asks for): a static
# library and a module map each, built with the toolchain's clang and the same sanitizers.
clang="$(dirname "$(command -v "$swiftc")")/clang"
for c_target in CSHA256:sha256_ni CCPU:cpu CUTF8:utf8_vector; do
    name="${c_target%%:*}" file="${c_target##*:}"
    mkdir -p "$build/$name"
    "$clang" -fsanitize=fuzzer-no-link,address -g "${opt/-Onone/-O0}" -c "$root/Sources/$name/$file.c" \
        -I "$root/Sources/$name/include" -I "$root/Sources/CCPU/include" -o "$build/$name/$file.o"
    ar rcs "$build/lib$name.a" "$build/$name/$file.o"
    cat > "$build/$name/module.modulemap" <<MAP
module $name {
    header "$root/Sources/$name/include/$name.h"
    export *
}
MAP
    flags+=(-I "$build/$name")
done

built_stamps=

for module in $modules; do
    build_module "$module"
    built_stamps+="$(cat "$build/$module.stamp")"
done

fuzzer="$build/fuzz-$target"
link=()
# Static libraries are searched once, in order: a module before the modules it imports.
for module in $modules; do link=("-l$module" "${link[@]}"); done
link+=(-lCSHA256 -lCUTF8 -lCCPU)
echo "fuzz: compiling Fuzz/targets/$target.swift"
"$swiftc" "${flags[@]}" "${link_flags[@]}" -module-name "Fuzz_$target" -I "$build" -L "$build" "${link[@]}" \
    "$root/Fuzz/targets/$target.swift" -o "$fuzzer"

seeds="$root/Fuzz/corpus/$target"
options=(
    -max_total_time="$seconds"
    -max_len="$max_len"
    -timeout=10                # one input running 10 s is a hang: report it
    -rss_limit_mb=2048         # one input holding 2 GB is an unbounded allocation
    -malloc_limit_mb=2048
    -artifact_prefix="$crashes/"
    -print_final_stats=1
)
[[ -f "$root/Fuzz/dict/$target.dict" ]] && options+=(-dict="$root/Fuzz/dict/$target.dict")
[[ -n "${FUZZ_JOBS:-}" ]] && options+=(-fork="$FUZZ_JOBS" -ignore_crashes=1)

log="$logs/$target-$(date -u +%Y%m%dT%H%M%SZ).log"
echo "fuzz: running $target for $seconds s; log $log"
echo "fuzz: $fuzzer ${options[*]} $* $out_corpus $seeds"
status=0
# Swift's runtime keeps metadata caches for the life of the process, which LeakSanitizer
# would report as leaks after every input: leaks are not what we look for here. Swift's own
# backtracer is turned off: libFuzzer prints the stack of a trap itself, and the backtracer
# takes seconds per crash (and trips ASan while it reads memory).
SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}" \
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}" \
    "$fuzzer" "${options[@]}" "$@" "$out_corpus" "$seeds" > "$log" 2>&1 || status=$?

# The summary: the last status line, the final stats, and what was found.
echo
echo "== $target, $seconds s, $opt =="
# Plain runs print "#N ... cov: C ft: F ... exec/s: E"; fork runs "#N: cov: C ft: F ... exec/s: E".
grep -E '^#[0-9]+:?[[:space:]]' "$log" | grep -E 'cov:' | tail -n 1 || true
grep -E '^stat::' "$log" || true
grep -E 'ERROR: (AddressSanitizer|libFuzzer)|SUMMARY: |Fatal error|Test unit written|deadly signal|^INFO: log from the inner process|crashes:' "$log" | sed -E 's/==[0-9]+==//; s/0x[0-9a-f]+/0x…/g; s/(crash|timeout|oom|leak)-[0-9a-f]{40}/\1-…/' \
    | LC_ALL=C sort | uniq -c | sort -rn | head -n 20 || true
found=$(find "$crashes" -type f -newer "$fuzzer" | LC_ALL=C sort)
if [[ -n "$found" ]]; then
    echo "new reproducers:"
    echo "$found"
fi
echo "corpus: $(find "$out_corpus" -type f | wc -l) found + $(find "$seeds" -type f | wc -l) seeds"
echo "exit: $status (0: no crash; 70-77 or 1: libFuzzer found something, see the log)"
exit "$status"
