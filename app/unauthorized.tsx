import { IntentLink } from "@/components/shell/intent-link";

/** 401: what unauthorized() renders (the editor pages, for a visitor). */
export default function Unauthorized() {
  return (
    <main id="main" className="container narrow stack" style={{ paddingTop: "3rem" }}>
      <h1>Sign in first</h1>
      <p>This page is for signed-in editors.</p>
      <p>
        <IntentLink className="button" href="/signin?callbackUrl=/editor">
          Sign in
        </IntentLink>
      </p>
    </main>
  );
}
