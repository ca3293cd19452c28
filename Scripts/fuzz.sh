#!/bin/sh
# Coverage-guided fuzzing with libFuzzer: Scripts/fuzz.sh TARGET SECONDS [libFuzzer options…]
#   TARGET: csv | xlsx | palette | command | dates
# Builds the target in its own scratch path (.build-fuzz: every module there is instrumented), then fuzzes
# from the committed seeds in Fuzz/corpus/TARGET. New interesting inputs go to .fuzz-work/TARGET (not
# committed; copy the good ones into Fuzz/corpus/TARGET); crashes are saved as Fuzz/crashes/TARGET/crash-*.
# Fuzz/dict/TARGET.dict, when present, gives libFuzzer the format's tokens.
# Replay a crash in a normal build:  swift run FuzzXLSX Fuzz/crashes/xlsx/crash-…
set -eu
cd "$(dirname "$0")/.."
target=${1:?usage: Scripts/fuzz.sh csv|xlsx|palette|command|dates SECONDS}
seconds=${2:-60}
[ $# -ge 2 ] && shift 2 || shift $#
case $target in
  csv) product=FuzzCSV ;; xlsx) product=FuzzXLSX ;; palette) product=FuzzPalette ;;
  command) product=FuzzCommand ;; dates) product=FuzzDates ;;
  *) echo "unknown target $target (csv, xlsx, palette, command, dates)" >&2; exit 2 ;;
esac
swift build -c release --product "$product" --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -use-ld=lld -Xswiftc -DCIVGRID_FUZZ
# A Swift trap must reach libFuzzer's own handler (which saves the input), not the Swift backtracer.
export SWIFT_BACKTRACE=enable=no
mkdir -p ".fuzz-work/$target" "Fuzz/crashes/$target"
dict=""
[ -f "Fuzz/dict/$target.dict" ] && dict="-dict=Fuzz/dict/$target.dict"
exec ".build-fuzz/release/$product" $dict ".fuzz-work/$target" "Fuzz/corpus/$target" \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="Fuzz/crashes/$target/" -print_final_stats=1 "$@"
