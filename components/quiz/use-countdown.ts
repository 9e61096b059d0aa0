"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The seconds left on a timed quiz's clock (null before the first tick, and for an untimed quiz),
 * ticking each second once the clock has started. When the time runs out it calls `onTimeUp` once:
 * the latest one given, so that the caller's finish sees its latest state. The server finishes the quiz
 * at its limit whatever the page does; this only shows it there too.
 */
export function useCountdown(started: boolean, endsAt: Date | string | null, onTimeUp: () => void): number | null {
  const [now, setNow] = useState<number | null>(null);
  const endsAtMs = endsAt === null ? null : new Date(endsAt).getTime();
  const timeUp = useRef(onTimeUp);
  useEffect(() => {
    timeUp.current = onTimeUp;
  }, [onTimeUp]);

  useEffect(() => {
    if (!started) return;
    let called = false;
    const tick = () => {
      const at = Date.now();
      setNow(at);
      if (endsAtMs !== null && at >= endsAtMs && !called) {
        called = true;
        timeUp.current();
      }
    };
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [started, endsAtMs]);

  return endsAtMs === null || now === null ? null : Math.max(0, Math.ceil((endsAtMs - now) / 1000));
}
