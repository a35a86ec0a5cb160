#!/usr/bin/env bash
# Runs the mocha suite (already built by `npm test`) again with the system clock moved by
# Debian's faketime: more than a year ahead (a leap day) and a year end late in the evening,
# so a test that reads the real clock fails here instead of on some later day on main.
#   scripts/test-other-dates.sh                 # both dates
#   scripts/test-other-dates.sh '2031-06-15 12:00:00'   # any date you pick
set -euo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { echo "faketime is not installed (Debian: apt-get install faketime)" >&2; exit 1; }
dates=("$@")
[ ${#dates[@]} -gt 0 ] || dates=('2028-02-29 23:30:00' '2027-12-31 23:45:00')
for when in "${dates[@]}"; do
  echo "== mocha with the clock at $when"
  faketime "$when" npx mocha
done
