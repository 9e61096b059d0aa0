import type { Metadata } from "next";

export const metadata: Metadata = { title: "Progress" };

export default function ProgressPage() {
  return (
    <section aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Progress</h1>
      </header>
      <p className="card muted">Coming soon.</p>
    </section>
  );
}
