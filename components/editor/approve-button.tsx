"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, ApiError } from "@/lib/client/api";

/** Approves items as they are now (POST /api/editor/approvals), then shows the refreshed queue. */
export function ApproveButton({ itemIds, label }: { itemIds: string[]; label: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function approve() {
    setBusy(true);
    setMessage(null);
    try {
      await api("/api/editor/approvals", { body: { itemIds } });
      router.refresh();
    } catch (caught) {
      setMessage(caught instanceof ApiError ? caught.message : "Not saved: check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="approve-action">
      <button type="button" className="button" disabled={busy} onClick={() => void approve()}>
        {busy ? "Approving…" : label}
      </button>
      {message && (
        <p className="alert alert-error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
