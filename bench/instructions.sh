#!/usr/bin/env bash
# Machine instructions per call (valgrind's callgrind), the deterministic companion of
# `npm run bench`: the same total on every run, whatever else the machine is doing.
# Per call = (instructions for 12,000 calls − for 2,000 calls) / 10,000, so start-up
# and warm-up cancel out. V8 runs single-threaded with a fixed GC schedule.
#   bench/instructions.sh [event ...]     events: identify track group page (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install -y valgrind)"; exit 2; }
[ -f dist/index.js ] || npm run build --silent
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    node --single-threaded --predictable-gc-schedule bench/instructions-driver.mjs "$1" "$2" "$3" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
events=("$@")
[ ${#events[@]} -gt 0 ] || events=(identify track group page)
printf '%-9s %-15s %12s %7s\n' event mapper 'instr/call' ratio
for e in "${events[@]}"; do
  base=$(( ($(count json "$e" 12000) - $(count json "$e" 2000)) / 10000 ))
  printf '%-9s %-15s %12d %7s\n' "$e" JSON-round-trip "$base" 1.00
  for m in toRest-2.16 toRest-1.4 toMessenger toMobile; do
    per=$(( ($(count "$m" "$e" 12000) - $(count "$m" "$e" 2000)) / 10000 ))
    awk -v e="$e" -v m="$m" -v p="$per" -v b="$base" 'BEGIN { printf "%-9s %-15s %12d %7.2f\n", e, m, p, p / b }'
  done
done
