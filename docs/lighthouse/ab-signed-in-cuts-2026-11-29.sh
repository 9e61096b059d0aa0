#!/bin/bash
# A/B Lighthouse in one locked run: base (main, port 3601) and light (port 3602), page groups alternated.
cd /work/wt-light
G1="--only / --only /signin --only /signup --only /forgot-password"
G2="--only /app/today --only /app/flashcards --only /app/quiz --only /app/progress"
G3="--only /app/strategy --only /app/quiz/paper --only /app/library --only /app/library/documents"
G4="--only /app/library/documents/mofa-2024-joint-statement --only /app/settings --only /app/quiz/paper/[id] --only /editor"
run() { # name port group
  echo "=== $1 $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  DATABASE_URL=file:/work/$( [ $1 = base ] && echo base19 || echo wt-light )/data/lh.db CHROME_PATH=/usr/bin/chromium npx tsx bench/lighthouse.ts --url http://localhost:$2 --runs ${RUNS:-2} $3
}
i=0
for G in "$G1" "$G2" "$G3" "$G4"; do
  if [ $((i % 2)) = 0 ]; then run base 3601 "$G"; run light 3602 "$G"; else run light 3602 "$G"; run base 3601 "$G"; fi
  i=$((i+1))
done
echo "=== end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
