import { IntentLink } from "@/components/shell/intent-link";

/** 403: what forbidden() renders (the editor pages, for a learner). */
export default function Forbidden() {
  return (
    <main id="main" className="container narrow stack" style={{ paddingTop: "3rem" }}>
      <h1>Editors only</h1>
      <p>Your account is a learner&apos;s. An editor is made on the server with <code>npm run user:role -- &lt;email&gt; editor</code>.</p>
      <p>
        <IntentLink className="button" href="/app/today">
          Back to Today
        </IntentLink>
      </p>
    </main>
  );
}
