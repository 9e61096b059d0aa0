"use client";

import { PageError } from "@/components/shell/route-states";

/** The public pages (sign-in, sign-up, password reset): no shell around them, so a container of its own. */
export default function PublicError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="main" className="container narrow" style={{ paddingTop: "3rem" }}>
      <PageError error={error} retry={retry} home={{ href: "/", label: "Home" }} />
    </main>
  );
}
