#!/bin/bash
cd /work/wt-light
P="--only /app/today --only /app/library --only /app/settings --only /app/quiz/paper/[id]"
run() { echo "=== $1 $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"; DATABASE_URL=file:/work/$( [ $1 = base ] && echo base19 || echo wt-light )/data/lh.db CHROME_PATH=/usr/bin/chromium npx tsx bench/lighthouse.ts --url http://localhost:$2 --runs 2 $P; }
run light 3602; run base 3601; run light 3602; run base 3601
echo "=== end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
