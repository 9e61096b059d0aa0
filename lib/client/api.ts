/** Browser-side JSON calls to the app's API, with one error type the UI can show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: string; message?: string; issues?: { path: string[]; message: string }[] },
  ) {
    super(body.message ?? `Request failed (${status})`);
  }
}

export async function api<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const response = await fetch(path, {
    method: init?.method ?? (init?.body === undefined ? "GET" : "POST"),
    headers: init?.body === undefined ? undefined : { "Content-Type": "application/json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = response.headers.get("content-type")?.includes("application/json") ? await response.json() : {};
  if (!response.ok) throw new ApiError(response.status, body);
  return body as T;
}

/** Retries a request that failed on the network (not one the server answered): safe for idempotent calls. */
export async function withRetry<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ApiError || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
    }
  }
}

/** "in 10 min", "in 3 days": how far a due date is from now, for the rating buttons. */
export function intervalLabel(due: string | Date, now = Date.now()): string {
  const minutes = Math.max(1, Math.round((new Date(due).getTime() - now) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(hours / 24);
  if (days < 31) return `${days} d`;
  const months = Math.round(days / 30);
  return months < 12 ? `${months} mo` : `${(days / 365).toFixed(1)} y`;
}

/**
 * Signs out through next-auth's own endpoints (a CSRF token, then POST signout, which clears the session
 * cookie), as `next-auth/react` does, without shipping that library to every signed-in page.
 */
export async function signOut(): Promise<void> {
  const { csrfToken } = await api<{ csrfToken: string }>("/api/auth/csrf");
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  if (!response.ok) throw new ApiError(response.status, {});
}
