import { randomBytes } from "node:crypto";

/**
 * A new primary key for a row written outside Prisma (lib/db/hot-sql), where Prisma would fill in
 * `@default(cuid())`: like a cuid, "c", the time in base 36, then 64 random bits, so that ids keep
 * roughly the order rows were made in, as Prisma's do.
 */
export function newRowId(now = Date.now()): string {
  return `c${now.toString(36).padStart(9, "0")}${randomBytes(8).readBigUInt64BE().toString(36).padStart(13, "0")}`;
}
