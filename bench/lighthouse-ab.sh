#!/bin/bash
# Lighthouse A/B in one run: `bench/lighthouse-ab.sh <before-dir> <before-port> <after-dir> <after-port> [runs, 3]`.
# Each build serves from its own checkout (`DATABASE_URL=file:./data/lh.db PORT=<port> npm start` there), so
# bench/lighthouse.ts gets that checkout's database to make its learner an editor. The pages go in groups of
# four, before and after alternated, so that a drift of the machine falls on both. Run it on a quiet machine
# and keep the output: every line says when it ran and at what load average.
set -euo pipefail
[ $# -ge 4 ] || { echo "usage: $0 <before-dir> <before-port> <after-dir> <after-port> [runs]" >&2; exit 2; }
BEFORE_DIR=$1 BEFORE_PORT=$2 AFTER_DIR=$3 AFTER_PORT=$4 RUNS=${5:-3}
cd "$(dirname "$0")/.."
GROUPS_OF_PAGES=(
  "--only / --only /signin --only /signup --only /forgot-password"
  "--only /app/today --only /app/flashcards --only /app/quiz --only /app/progress"
  "--only /app/strategy --only /app/quiz/paper --only /app/library --only /app/library/documents"
  "--only /app/library/documents/mofa-2024-joint-statement --only /app/settings --only /app/quiz/paper/[id] --only /editor"
)
measure() { # before|after, page group
  local dir=$BEFORE_DIR port=$BEFORE_PORT
  if [ "$1" = after ]; then dir=$AFTER_DIR port=$AFTER_PORT; fi
  echo "=== $1 $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086 # the group is several options
  DATABASE_URL="file:$dir/data/lh.db" CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} npx tsx bench/lighthouse.ts --url "http://localhost:$port" --runs "$RUNS" $2 | grep -v '^{' ||
    echo "(this group's run failed: a table printed above it still stands)"
}
for i in "${!GROUPS_OF_PAGES[@]}"; do
  if [ $((i % 2)) = 0 ]; then order=(before after); else order=(after before); fi
  for side in "${order[@]}"; do measure "$side" "${GROUPS_OF_PAGES[$i]}"; done
done
echo "=== end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
