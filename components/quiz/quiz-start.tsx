import type { ReactNode } from "react";
import { RequestError } from "./request-error";

/** The screen before a quiz's or a paper's clock starts: what it will be, then Start (the clock starts there). */
export function QuizStart({ busy, error, onStart, startLabel, children }: { busy: boolean; error: string | null; onStart: () => void; startLabel: string; children: ReactNode }) {
  return (
    <div className="card stack quiz-start">
      {children}
      <RequestError error={error} />
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={onStart}>
          {startLabel}
        </button>
      </div>
    </div>
  );
}
