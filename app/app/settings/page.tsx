import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PasswordChangeForm } from "@/components/auth/password-forms";
import { DeleteAccountSection, SignOutEverywhereSection } from "@/components/settings/account-sections";
import { InstallAppSection } from "@/components/offline/install-app";
import { MemoryModelPanel } from "@/components/settings/memory-model-panel";
import { SettingsForm } from "@/components/settings/settings-form";
import { getSessionUserId } from "@/lib/auth/session";
import { loadBank } from "@/lib/content/bank";
import { getDb } from "@/lib/db/client";
import { getSettings } from "@/lib/settings/settings";
import { TopicOptions } from "@/components/shell/topic-options";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const userId = await getSessionUserId();
  if (!userId) redirect("/signin?callbackUrl=/app/settings");
  const settings = await getSettings(getDb(), userId);
  const topics = [...new Set(loadBank().items.map((item) => item.topic))].sort();
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Settings</h1>
      </header>
      <SettingsForm initial={settings} />
      <MemoryModelPanel />
      <section id="password" className="card render-when-near" aria-labelledby="password-title">
        <h2 id="password-title">Password</h2>
        <PasswordChangeForm />
      </section>
      <section id="export" className="card render-when-near" aria-labelledby="export-title">
        <h2 id="export-title">Your data</h2>
        <ul className="download-list">
          <li>
            <a href="/api/export/data.json" download>
              Download all my data (JSON)
            </a>
            <span className="muted"> · settings, card states, review log and quiz history</span>
          </li>
          <li>
            <a href="/api/export/reviews.csv" download>
              Download my review log (CSV)
            </a>
          </li>
        </ul>
        <h3>Questions for Anki</h3>
        <form action="/api/export/anki.txt" method="get" className="inline-form">
          <div className="form-field">
            <label htmlFor="anki-topic">Topic</label>
            <select id="anki-topic" name="topic" defaultValue="">
              <option value="">The whole bank</option>
              <TopicOptions topics={topics} />
            </select>
          </div>
          <button type="submit" className="button button-secondary">
            Download for Anki
          </button>
        </form>
        <p className="muted">In Anki: File › Import, choose the file, the Basic note type and a deck. Tags name each question&apos;s topic, as a tree (<code className="wrap-anywhere">smriti::topic::International_Relations::India-Japan…</code>), and its format.</p>
      </section>
      <InstallAppSection />
      <SignOutEverywhereSection />
      <DeleteAccountSection userId={userId} />
    </div>
  );
}
