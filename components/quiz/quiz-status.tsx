/** The start of a runner's status line: how many questions are answered (a bar) and which one is shown. */
export function AnsweredProgress({ answered, total, position }: { answered: number; total: number; /** 0-based */ position: number }) {
  return (
    <>
      <div className="progress-bar" role="progressbar" aria-label="Questions answered" aria-valuemin={0} aria-valuemax={total} aria-valuenow={answered}>
        <span style={{ width: `${(answered / total) * 100}%` }} />
      </div>
      <span>
        Question {position + 1} of {total}
      </span>
    </>
  );
}
