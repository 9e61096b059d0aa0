import type { Metadata } from "next";

export const metadata: Metadata = { title: "Library" };

export default function LibraryPage() {
  return (
    <section aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Library</h1>
      </header>
      <p className="card muted">Coming soon.</p>
    </section>
  );
}
