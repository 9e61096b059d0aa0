"use client";

import { useEffect, useRef } from "react";

/**
 * What a page shows when it fails (error.tsx), inside the app's shell so the navigation stays usable. (A page
 * on its way is shown by the navigation's pending mark, components/shell/app-nav.tsx: a loading.tsx would
 * hold back every page's first paint.)
 *
 * A page that failed: the reason in plain words (a server error's detail never reaches the browser, only
 * its digest, which the server's log carries too), a retry, and a way back to Today. The heading takes
 * the focus, so a keyboard or screen-reader user learns of the failure where they are.
 */
export function PageError({ error, retry, home }: { error: unknown; retry: () => void; home: { href: string; label: string } }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <section className="card stack" aria-labelledby="page-error-title">
      <h1 id="page-error-title" ref={heading} tabIndex={-1}>
        This page could not be shown
      </h1>
      <p>Something went wrong on our side or on the way; nothing you saved is lost. Try again, and if it keeps failing, come back in a few minutes.</p>
      {digest && <p className="muted">Error reference: {digest}</p>}
      <div className="actions">
        <button type="button" className="button" onClick={retry}>
          Try again
        </button>
        {/* A plain link: a full load starts afresh, and the error page does not carry the router's Link code. */}
        <a className="button button-secondary" href={home.href}>
          {home.label}
        </a>
      </div>
    </section>
  );
}
