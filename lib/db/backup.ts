import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type BackupSummary = { file: string; pages: number; tables: Record<string, number> };

/**
 * Copies a live SQLite database with SQLite's online backup API: a consistent snapshot even while the
 * app keeps writing, unlike a file copy, which can catch the database file and its WAL out of step.
 */
export async function backupSqlite(sourceFile: string, destinationFile: string): Promise<BackupSummary> {
  if (!fs.existsSync(sourceFile)) throw new Error(`No database at ${sourceFile}`);
  if (fs.existsSync(destinationFile)) throw new Error(`${destinationFile} exists already; choose a new file name`);
  fs.mkdirSync(path.dirname(destinationFile), { recursive: true });
  const source = new Database(sourceFile, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await source.backup(destinationFile);
    return { file: destinationFile, pages: totalPages, tables: await verifyDatabase(destinationFile) };
  } finally {
    source.close();
  }
}

/**
 * Replaces the contents of a database with a backup, page by page through the backup API, so that a
 * running app sees either the old or the restored database, never a half-written file.
 */
export async function restoreSqlite(backupFile: string, destinationFile: string): Promise<BackupSummary> {
  const tables = await verifyDatabase(backupFile);
  const backup = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await backup.backup(destinationFile);
    const destination = new Database(destinationFile);
    destination.pragma("journal_mode = WAL");
    destination.close();
    return { file: destinationFile, pages: totalPages, tables };
  } finally {
    backup.close();
  }
}

/** Checks a database file's integrity and that it holds Smriti's tables; returns row counts per table. */
export async function verifyDatabase(file: string): Promise<Record<string, number>> {
  if (!fs.existsSync(file)) throw new Error(`No database at ${file}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`${file} failed SQLite's integrity check: ${String(integrity)}`);
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    if (!["User", "Card", "ReviewLog"].every((table) => names.includes(table))) throw new Error(`${file} is not a Smriti database (no User, Card and ReviewLog tables)`);
    return Object.fromEntries(
      names.map((name) => [name, db.prepare(`SELECT COUNT(*) FROM "${name}"`).pluck().get() as number]),
    );
  } finally {
    db.close();
  }
}
