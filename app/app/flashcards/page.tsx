import type { Metadata } from "next";

export const metadata: Metadata = { title: "Flashcards" };

export default function FlashcardsPage() {
  return (
    <section aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Flashcards</h1>
      </header>
      <p className="card muted">Coming soon.</p>
    </section>
  );
}
