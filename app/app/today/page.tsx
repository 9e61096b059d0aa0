import type { Metadata } from "next";

export const metadata: Metadata = { title: "Today" };

export default function TodayPage() {
  return (
    <section aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Today</h1>
      </header>
      <p className="card muted">Coming soon.</p>
    </section>
  );
}
