"use client";

import { useCallback, useState } from "react";
import { api, ApiError, withRetry } from "@/lib/client/api";
import type { QuizView } from "./quiz-runner";

/**
 * The state a quiz runner keeps around its requests: busy while one runs (the buttons wait), and the
 * message of the last failure, the server's own when it answered, else `failure`.
 */
export function useQuizRequests(): { busy: boolean; error: string | null; run: (request: () => Promise<void>, failure: string) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (request: () => Promise<void>, failure: string) => {
    setBusy(true);
    setError(null);
    try {
      await request();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : failure);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}

/** Starts a quiz's clock (the Start button of a quiz or a paper); retried, as starting twice is harmless. */
export function startClock(quizId: string): Promise<QuizView> {
  return withRetry(() => api<QuizView>(`/api/quiz/${quizId}/start`, { method: "POST" }));
}

/** Whether a request failed because the quiz's time ran out on the server (it is finished there). */
export function isTimeUp(caught: unknown): boolean {
  return caught instanceof ApiError && caught.body.error === "time_up";
}
