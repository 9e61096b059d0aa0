/**
 * The limits on sign-ins and sign-ups, from the environment (tests set small values). One home for the
 * numbers: lib/env.ts validates the same variables at start-up, docs/api.md and the README describe them.
 */
export type RateLimits = {
  /** Failed sign-ins for one email from clients without its device cookie, per window. */
  signInPerEmail: number;
  /** Failed sign-ins through one device cookie, per window: past it the browser counts as untrusted. */
  signInPerDevice: number;
  /** Failed sign-ins from one client address without a device cookie, whatever the email, per window. */
  signInPerIp: number;
  /** The sign-in window, and how long a client stays refused once past a limit. */
  signInWindowSeconds: number;
  /** Sign-up attempts from one client address per hour. */
  signUpPerIp: number;
};

export const DEFAULT_RATE_LIMITS: RateLimits = {
  signInPerEmail: 5,
  signInPerDevice: 10,
  signInPerIp: 30,
  signInWindowSeconds: 15 * 60,
  signUpPerIp: 20,
};

export const SIGN_UP_WINDOW_SECONDS = 60 * 60;

/** The environment variable for each limit. */
export const RATE_LIMIT_ENV: Record<keyof RateLimits, string> = {
  signInPerEmail: "RATE_LIMIT_SIGN_IN_EMAIL",
  signInPerDevice: "RATE_LIMIT_SIGN_IN_DEVICE",
  signInPerIp: "RATE_LIMIT_SIGN_IN_IP",
  signInWindowSeconds: "RATE_LIMIT_SIGN_IN_WINDOW_SECONDS",
  signUpPerIp: "RATE_LIMIT_SIGN_UP_IP",
};

/** The limits an environment sets: each a whole number of at least 1, or the default when unset. */
export function rateLimitsFrom(env: Record<string, string | undefined>): RateLimits {
  const limits = { ...DEFAULT_RATE_LIMITS };
  for (const key of Object.keys(RATE_LIMIT_ENV) as (keyof RateLimits)[]) {
    const raw = env[RATE_LIMIT_ENV[key]]?.trim();
    if (!raw) continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${RATE_LIMIT_ENV[key]} must be a whole number of at least 1 (got "${raw}")`);
    limits[key] = value;
  }
  return limits;
}
