import type { CardsByState } from "@/lib/progress/progress";

const STATES: { key: keyof CardsByState; label: string; hint: string }[] = [
  { key: "new", label: "New", hint: "not studied yet" },
  { key: "learning", label: "Learning", hint: "first steps" },
  { key: "review", label: "Review", hint: "in long-term review" },
  { key: "relearning", label: "Relearning", hint: "forgotten, coming back" },
];

export function CardStates({ cardsByState }: { cardsByState: CardsByState }) {
  const total = STATES.reduce((sum, { key }) => sum + cardsByState[key], 0);
  return (
    <div className="stack">
      <div className="state-bar" aria-hidden="true">
        {STATES.map(({ key }) =>
          cardsByState[key] > 0 ? (
            <span key={key} className={`state-${key}`} style={{ flexGrow: cardsByState[key] }} />
          ) : null,
        )}
      </div>
      <ul className="state-list">
        {STATES.map(({ key, label, hint }) => (
          <li key={key}>
            <span className={`state-swatch state-${key}`} aria-hidden="true" />
            <strong>{label}</strong>: {cardsByState[key]} <span className="muted">({hint})</span>
          </li>
        ))}
      </ul>
      <p className="muted">{total} items in the bank: flashcards (reviewed on the Flashcards page) and quiz questions (asked in quizzes), each scheduled on its own.</p>
    </div>
  );
}
