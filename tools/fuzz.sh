#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 30) with cargo-fuzz on nightly, one after
# another, growing the committed corpora in fuzz/corpus/. Prints a markdown table and writes it
# to target/fuzz/report.md. Exit 1 if any target found a crash (its input is in fuzz/artifacts/).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-30}
TARGETS=(identifiers name application package_verify)
mkdir -p target/fuzz
report=target/fuzz/report.md
printf '| target | seconds | executions | exec/s | corpus files | crashes |\n|---|---|---|---|---|---|\n' >"$report"
cargo +nightly fuzz build -O >target/fuzz/build.log 2>&1 || { tail -30 target/fuzz/build.log; exit 1; }
failed=0
total=0
for target in "${TARGETS[@]}"; do
  log=target/fuzz/$target.log
  set +e
  cargo +nightly fuzz run -O "$target" -- -max_total_time="$SECONDS_EACH" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 >"$log" 2>&1
  rc=$?
  set -e
  runs=$(awk -F: '/stat::number_of_executed_units/ {gsub(/ /, "", $2); print $2}' "$log" | tail -1)
  runs=${runs:-0}
  total=$((total + runs))
  crashes=0
  if [ $rc -ne 0 ]; then crashes=1; failed=1; grep -E "panicked|SUMMARY|Test unit written" "$log" | head -5 >&2; fi
  printf '| %s | %s | %s | %s | %s | %s |\n' "$target" "$SECONDS_EACH" "$runs" $((runs / SECONDS_EACH)) \
    "$(ls fuzz/corpus/"$target" | wc -l)" "$crashes" >>"$report"
done
printf '| **total** | %s | %s | | | |\n' $((SECONDS_EACH * ${#TARGETS[@]})) "$total" >>"$report"
cat "$report"
exit $failed
