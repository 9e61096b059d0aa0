#!/bin/bash
# Quiet-machine A/B of the type scale: main 6fb4431's build (/work/main, port 3601) before, the type-scale branch (/work/wt-type, port 3602) after; page groups alternated.
cd /work/main
G1="--only / --only /signin --only /signup --only /forgot-password"
G2="--only /app/today --only /app/flashcards --only /app/quiz --only /app/progress"
G3="--only /app/strategy --only /app/quiz/paper --only /app/library --only /app/library/documents"
G4="--only /app/library/documents/mofa-2024-joint-statement --only /app/settings --only /app/quiz/paper/[id] --only /editor"
run() { # name port group
  echo "=== $1 $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  DATABASE_URL=file:$( [ $1 = before ] && echo /work/main || echo /work/wt-type )/data/lh.db CHROME_PATH=/usr/bin/chromium npx tsx bench/lighthouse.ts --url http://localhost:$2 --runs 3 $3 2>&1 | grep -v '^{'
}
i=0
for G in "$G1" "$G2" "$G3" "$G4"; do
  if [ $((i % 2)) = 0 ]; then run before 3601 "$G"; run after 3602 "$G"; else run after 3602 "$G"; run before 3601 "$G"; fi
  i=$((i+1))
done
echo "=== end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
