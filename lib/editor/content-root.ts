import path from "node:path";
import { ConflictError } from "@/lib/errors";

type Env = Record<string, string | undefined>;

/**
 * The content directory the editors' pages read and write: `CONTENT_ROOT`, or `content/` of the working
 * directory. Tests point it at a copy so that what they save never touches the repository's content.
 */
export function contentRootFrom(env: Env): string {
  return path.resolve(env.CONTENT_ROOT || "content");
}

/**
 * Whether the editors' pages may write content files (approvals, facts, documents). In development they
 * may; in production content is read-only (it is published by committing it), unless `CONTENT_EDITS=on`
 * says otherwise (a test server on a copy of the content). `CONTENT_EDITS=off` forbids it anywhere.
 */
export function contentEditsAllowed(env: Env): boolean {
  if (env.CONTENT_EDITS === "on") return true;
  if (env.CONTENT_EDITS === "off") return false;
  return env.NODE_ENV !== "production";
}

/** Refuses a write where content is read-only (409 `read_only`, with how content is published). */
export function assertContentEditable(editsAllowed: boolean): void {
  if (!editsAllowed) throw new ConflictError(READ_ONLY_CONTENT_MESSAGE, "read_only");
}

/** What the pages say where content is read-only. */
export const READ_ONLY_CONTENT_MESSAGE =
  "Content is read-only on this server. Approvals and new facts are published by committing content/ " +
  "(approve and write facts with `npm run dev` in a checkout, commit content/approvals.json and the YAML, then deploy).";
