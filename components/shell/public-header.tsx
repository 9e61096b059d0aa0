import { IntentLink } from "@/components/shell/intent-link";

export function PublicHeader({ signedIn }: { signedIn: boolean }) {
  return (
    <header className="container public-header">
      <IntentLink href="/" className="brand">
        Smri<span>ti</span>
      </IntentLink>
      <nav aria-label="Account" className="actions">
        {signedIn ? (
          <IntentLink className="button" href="/app/today">
            Open Smriti
          </IntentLink>
        ) : (
          <>
            <IntentLink className="button button-quiet" href="/signin">
              Sign in
            </IntentLink>
            <IntentLink className="button" href="/signup">
              Create account
            </IntentLink>
          </>
        )}
      </nav>
    </header>
  );
}
