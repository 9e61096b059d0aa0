import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A copy of the repository's content/ in a temporary directory: tests write there, never to content/. */
export function copyOfContent(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "smriti-content-"));
  fs.cpSync(path.resolve("content"), root, { recursive: true });
  return root;
}
