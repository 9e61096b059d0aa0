import type { Metadata } from "next";

export const metadata: Metadata = { title: "Quiz" };

export default function QuizPage() {
  return (
    <section aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Quiz</h1>
      </header>
      <p className="card muted">Coming soon.</p>
    </section>
  );
}
