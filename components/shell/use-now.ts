"use client";

import { useSyncExternalStore } from "react";

function subscribe(onTick: () => void): () => void {
  const timer = setInterval(onTick, 1000);
  return () => clearInterval(timer);
}

const clientSeconds = () => Math.floor(Date.now() / 1000);
const serverSeconds = () => null;

/**
 * The time in whole seconds, ticking every second; null on the server and while hydrating. A clock read
 * during the server render can never match the browser's (a second later, or a device clock that is off),
 * and a text mismatch is React's hydration error #418: the server renders no time, the browser fills it in.
 */
export function useNowSeconds(): number | null {
  return useSyncExternalStore(subscribe, clientSeconds, serverSeconds);
}
