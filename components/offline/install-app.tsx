"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { installContext, installPromptAvailable, promptInstall, subscribeToInstallPrompt } from "@/lib/client/install-prompt";

/**
 * Settings: installing Smriti as an app. The "Install app" button appears only when the browser has
 * offered installation (Chromium's beforeinstallprompt); on an iPhone or iPad, where Safari offers none,
 * the steps for "Add to Home Screen"; in the installed app, that it is installed.
 */
export function InstallAppSection() {
  const available = useSyncExternalStore(subscribeToInstallPrompt, installPromptAvailable, () => false);
  const [context, setContext] = useState<ReturnType<typeof installContext> | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  useEffect(() => {
    const media = window.matchMedia("(display-mode: standalone)");
    const update = () => setContext(installContext());
    update();
    media.addEventListener("change", update);
    return () => media.removeEventListener("change", update);
  }, []);

  return (
    <section id="install" className="card render-when-near" aria-labelledby="install-title">
      <h2 id="install-title">Smriti on your phone</h2>
      {context === "standalone" ? (
        <p>You are using the installed app. Flashcards work offline here: your ratings wait on this phone and are sent when the connection returns.</p>
      ) : (
        <>
          <p>Install Smriti as an app: it opens on Today from your home screen, without the browser&apos;s bars, and flashcards work offline.</p>
          {available && (
            <button
              type="button"
              className="button"
              onClick={() => void promptInstall().then((result) => setOutcome(result === "accepted" ? "Installing: Smriti will be on your home screen." : null))}
            >
              Install app
            </button>
          )}
          {context === "ios" && (
            <ol className="steps install-steps">
              <li>
                In Safari, tap the <strong>Share</strong> button (the square with an arrow pointing up).
              </li>
              <li>
                Scroll down and tap <strong>Add to Home Screen</strong>, then <strong>Add</strong>.
              </li>
              <li>Open Smriti from its icon on your home screen.</li>
            </ol>
          )}
          {context === "browser" && !available && (
            <p className="muted">
              If your browser offers it, choose <strong>Install app</strong> or <strong>Add to Home screen</strong> in its menu.
            </p>
          )}
          {outcome && (
            <p role="status" className="alert alert-success">
              {outcome}
            </p>
          )}
        </>
      )}
    </section>
  );
}
