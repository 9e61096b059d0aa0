import Link from "next/link";

export function PublicHeader({ signedIn }: { signedIn: boolean }) {
  return (
    <header className="container public-header">
      <Link href="/" className="brand">
        Smri<span>ti</span>
      </Link>
      <nav aria-label="Account" className="actions">
        {signedIn ? (
          <Link className="button" href="/app/today">
            Open Smriti
          </Link>
        ) : (
          <>
            <Link className="button button-quiet" href="/signin">
              Sign in
            </Link>
            <Link className="button" href="/signup">
              Create account
            </Link>
          </>
        )}
      </nav>
    </header>
  );
}
