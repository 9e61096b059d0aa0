import "server-only";
import { createHash } from "node:crypto";
import { Pool } from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract, type RateLimiterStoreAbstract } from "rate-limiter-flexible";
import { resolveDatabaseTarget, type DatabaseTarget } from "@/lib/db/database-url";
import { rateLimitsFrom, SIGN_UP_WINDOW_SECONDS, type RateLimits } from "./limits";

/** One counter kind: `take` counts an attempt before it is made, atomically, and refuses past the limit. */
export type Limiter = {
  /** Counts one attempt for the key; null when allowed, else the seconds until the key is allowed again. */
  take(key: string): Promise<number | null>;
  /** Gives back one attempt (a sign-in that succeeded was not a failure). */
  giveBack(key: string): Promise<void>;
  /** Forgets the key's attempts. */
  reset(key: string): Promise<void>;
};

export type Limiters = {
  signInEmail: Limiter;
  signInDevice: Limiter;
  signInIp: Limiter;
  signUpIp: Limiter;
  limits: RateLimits;
  close(): Promise<void>;
};

/** The counters' table in PostgreSQL, made by rate-limiter-flexible (CREATE TABLE IF NOT EXISTS) on first use. */
export const RATE_LIMIT_TABLE = "rate_limits";

/**
 * Counters shared by every instance when the database is PostgreSQL (rate-limiter-flexible's PostgreSQL
 * store: an atomic INSERT … ON CONFLICT per attempt); in memory for SQLite, which serves one instance.
 */
export function createLimiters(target: DatabaseTarget, limits: RateLimits): Limiters {
  const window = limits.signInWindowSeconds;
  const specs = {
    signInEmail: { keyPrefix: "signin-email", points: limits.signInPerEmail, duration: window, blockDuration: window },
    signInDevice: { keyPrefix: "signin-device", points: limits.signInPerDevice, duration: window, blockDuration: window },
    signInIp: { keyPrefix: "signin-ip", points: limits.signInPerIp, duration: window, blockDuration: window },
    signUpIp: { keyPrefix: "signup-ip", points: limits.signUpPerIp, duration: SIGN_UP_WINDOW_SECONDS },
  };
  if (target.provider === "sqlite") {
    const wrap = (spec: (typeof specs)[keyof typeof specs]) => limiter(new RateLimiterMemory(spec), Promise.resolve());
    return {
      signInEmail: wrap(specs.signInEmail),
      signInDevice: wrap(specs.signInDevice),
      signInIp: wrap(specs.signInIp),
      signUpIp: wrap(specs.signUpIp),
      limits,
      close: async () => {},
    };
  }
  const pool = new Pool({ connectionString: target.url, max: 4, options: target.schema ? `-c search_path=${target.schema}` : undefined });
  const wrap = (spec: (typeof specs)[keyof typeof specs]) => {
    let store!: RateLimiterStoreAbstract;
    const ready = new Promise<void>((resolve, reject) => {
      store = new RateLimiterPostgres(
        { ...spec, storeClient: pool, storeType: "pool", tableName: RATE_LIMIT_TABLE, schemaName: target.schema },
        (error?: unknown) => (error ? reject(error) : resolve()),
      );
    });
    ready.catch(() => {}); // reported by the first attempt that awaits it
    return limiter(store, ready);
  };
  return {
    signInEmail: wrap(specs.signInEmail),
    signInDevice: wrap(specs.signInDevice),
    signInIp: wrap(specs.signInIp),
    signUpIp: wrap(specs.signUpIp),
    limits,
    close: () => pool.end(),
  };
}

/** Keys are stored hashed: no email or address in the table, and always within its 255 characters. */
function hashed(key: string): string {
  return createHash("sha256").update(key).digest("base64url");
}

function limiter(store: RateLimiterAbstract, ready: Promise<void>): Limiter {
  return {
    async take(key) {
      await ready;
      try {
        await store.consume(hashed(key));
        return null;
      } catch (error) {
        if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw error;
      }
    },
    async giveBack(key) {
      await ready;
      await store.reward(hashed(key));
    },
    async reset(key) {
      await ready;
      await store.delete(hashed(key));
    },
  };
}

const globalForLimiters = globalThis as unknown as { smritiLimiters?: Limiters };

/**
 * The app's counters, for DATABASE_URL and the limits in the environment. Kept on globalThis: Next.js
 * bundles each route on its own, and the routes must share one set of counters.
 */
export function getLimiters(): Limiters {
  globalForLimiters.smritiLimiters ??= createLimiters(resolveDatabaseTarget(process.env.DATABASE_URL), rateLimitsFrom(process.env));
  return globalForLimiters.smritiLimiters;
}
