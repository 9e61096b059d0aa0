"use client";

import { useState } from "react";
import { signOut } from "@/lib/client/api";

export function SignOutButton() {
  const [failed, setFailed] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        onClick={() =>
          signOut().then(
            () => window.location.assign("/"),
            () => setFailed(true),
          )
        }
      >
        Sign out
      </button>
      {failed ? (
        <p role="alert" className="alert alert-error">
          Could not sign out; check the connection and try again.
        </p>
      ) : null}
    </>
  );
}
