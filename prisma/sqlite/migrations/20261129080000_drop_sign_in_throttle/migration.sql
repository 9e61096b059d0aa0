-- Sign-in attempts are counted by rate-limiter-flexible (lib/rate-limit): in memory with SQLite, in the
-- rate_limits table with PostgreSQL. The old per-email lock is no longer used.
DROP TABLE "SignInThrottle";
