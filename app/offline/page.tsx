import type { Metadata } from "next";

export const metadata: Metadata = { title: "Offline" };

/** The service worker's answer to a page it cannot fetch: what works without a connection, and what waits for one. */
export default function OfflinePage() {
  return (
    <main id="main" className="container narrow offline-page">
      <h1>You are offline</h1>
      <p>Smriti keeps working for what it can do on this device:</p>
      <ul>
        <li>
          <strong>Flashcards</strong> work offline: today&apos;s cards are kept on this device once you have opened{" "}
          <a href="/app/flashcards">Flashcards</a> online. Your ratings wait on the device and are sent when the connection returns.
        </li>
        <li>
          <strong>The daily quiz and tests</strong> need a connection: their answers stay on the server until you answer, so no one
          can read them ahead.
        </li>
        <li>
          <strong>Progress, the library and settings</strong> need a connection too.
        </li>
      </ul>
      <p>
        <a className="button" href="/app/flashcards">
          Review flashcards
        </a>
      </p>
    </main>
  );
}
