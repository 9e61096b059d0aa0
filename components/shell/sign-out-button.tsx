"use client";

import { useState } from "react";

/**
 * What signing out needs (the device's IndexedDB copy through idb, the API client, the service worker's
 * page caches), loaded when the button is pressed: the button is in the shell of every signed-in page,
 * and loaded with it, these modules were evaluated on every page's first load on a phone.
 */
function signOutModules() {
  return Promise.all([import("@/lib/client/api"), import("@/lib/client/offline-reviews"), import("@/lib/client/signed-in-pages")]);
}

/**
 * Signs this device out. Ratings made offline are sent first; any the server could not take yet stay on
 * the device for this account alone (the next account here never sees or sends them) and are sent when
 * it signs in here again: the button says so before signing out. The account's queue copy and the
 * pages the service worker kept for it are forgotten.
 */
export function SignOutButton({ userId }: { userId: string }) {
  const [failed, setFailed] = useState(false);
  const [waiting, setWaiting] = useState(0);
  const [pending, setPending] = useState(false);

  async function signOutHere(confirmed: boolean) {
    setFailed(false);
    setPending(true);
    try {
      const [{ signOut }, { offlineReviews }, { forgetSignedInPages }] = await signOutModules();
      const device = offlineReviews(userId);
      // A browser without IndexedDB (some private modes) has nothing waiting, and must still sign out.
      const left = await device.syncPendingRatings().catch(() => 0);
      if (left > 0 && !confirmed) {
        setWaiting(left);
        return;
      }
      await signOut();
      await Promise.all([device.forgetQueue(), forgetSignedInPages()]).catch(() => {});
      window.location.assign("/");
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <button type="button" className="button button-quiet" onClick={() => void signOutHere(false)} disabled={pending}>
        Sign out
      </button>
      {waiting > 0 ? (
        <div role="alert" className="alert alert-warning sign-out-waiting">
          <p>
            {waiting === 1 ? "1 rating" : `${waiting} ratings`} made offline could not be sent yet. They stay on this device for this account
            only, and are sent when you sign in here again.
          </p>
          <div className="actions">
            <button type="button" className="button button-secondary" onClick={() => void signOutHere(true)} disabled={pending}>
              Sign out anyway
            </button>
            <button type="button" className="button button-quiet" onClick={() => setWaiting(0)} disabled={pending}>
              Stay signed in
            </button>
          </div>
        </div>
      ) : null}
      {failed ? (
        <p role="alert" className="alert alert-error">
          Could not sign out; check the connection and try again.
        </p>
      ) : null}
    </>
  );
}
