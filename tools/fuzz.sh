#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 30) with cargo-fuzz on nightly, one after
# another, starting from the committed corpora in fuzz/corpus/. New inputs go to
# target/fuzz/new/ unless KAIBAN_FUZZ_GROW=1 (then into fuzz/corpus/, to be minimised with
# `cargo +nightly fuzz cmin` and committed). Prints a markdown table, also written to
# target/fuzz/report.md. Exit 1 if a target crashed (the input is in fuzz/artifacts/).
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
  if [ "${KAIBAN_FUZZ_GROW:-0}" = 1 ]; then
    corpora=("fuzz/corpus/$target")
  else
    mkdir -p "target/fuzz/new/$target"
    corpora=("target/fuzz/new/$target" "fuzz/corpus/$target")
  fi
  cargo +nightly fuzz run -O "$target" "${corpora[@]}" -- -max_total_time="$SECONDS_EACH" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 >"$log" 2>&1
  rc=$?
  set -e
  runs=$(awk '/stat::number_of_executed_units/ {print $NF}' "$log" | tail -1)
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
