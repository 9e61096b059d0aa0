import type { TestDatabase } from "./test-database";

export type ColumnShape = { type: string; nullable: boolean; default: string | null; primaryKey: boolean };
/** Table name to its columns, and index name to "UNIQUE? (columns)", as the migrations left them. */
export type SchemaShape = { tables: Record<string, Record<string, ColumnShape>>; indexes: Record<string, string>; triggerTables: string[] };

/** The two databases' names for one kind of column. */
const TYPE_CLASSES: Record<string, string> = {
  text: "text",
  integer: "integer",
  int4: "integer",
  bigint: "bigint",
  real: "float",
  "double precision": "float",
  float8: "float",
  boolean: "boolean",
  datetime: "timestamp",
  "timestamp(3) without time zone": "timestamp",
  "timestamp without time zone": "timestamp",
  jsonb: "json",
};

function typeClass(type: string): string {
  const known = TYPE_CLASSES[type.toLowerCase()];
  if (!known) throw new Error(`No type class for the column type "${type}"`);
  return known;
}

/** A column default as both databases would write it: no casts, no quotes, SQLite's booleans as words. */
function normalDefault(value: string | null, type: string): string | null {
  if (value === null) return null;
  let text = value.replace(/::[a-z ]+(\(\d+\))?$/i, "").replace(/^'(.*)'$/s, "$1");
  if (type === "boolean") text = text === "1" ? "true" : text === "0" ? "false" : text;
  if (/^current_timestamp(\(\d+\))?$/i.test(text)) text = "CURRENT_TIMESTAMP";
  return text;
}

/** The tables, columns, indexes and triggered tables of a test database, in a form both providers share. */
export async function schemaShape({ db, provider }: TestDatabase): Promise<SchemaShape> {
  const tables: SchemaShape["tables"] = {};
  const indexes: SchemaShape["indexes"] = {};
  const add = (table: string, column: string, shape: ColumnShape) => ((tables[table] ??= {})[column] = shape);
  if (provider === "sqlite") {
    const columns = await db.$queryRawUnsafe<{ table: string; name: string; type: string; notnull: bigint; dflt_value: string | null; pk: bigint }[]>(
      `SELECT m.name AS "table", c.name, c.type, c."notnull", c.dflt_value, c.pk FROM sqlite_master m JOIN pragma_table_info(m.name) c
       WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_prisma_migrations'`,
    );
    for (const column of columns) {
      const type = typeClass(column.type);
      add(column.table, column.name, { type, nullable: Number(column.notnull) === 0 && Number(column.pk) === 0, default: normalDefault(column.dflt_value, type), primaryKey: Number(column.pk) > 0 });
    }
    const indexRows = await db.$queryRawUnsafe<{ name: string; unique: bigint; columns: string }[]>(
      `SELECT l.name, l."unique", (SELECT group_concat(name, ',') FROM (SELECT i.name FROM pragma_index_info(l.name) i ORDER BY i.seqno)) AS columns
       FROM sqlite_master m JOIN pragma_index_list(m.name) l WHERE m.type = 'table' AND l.origin = 'c'`,
    );
    for (const index of indexRows) indexes[index.name] = `${Number(index.unique) ? "UNIQUE " : ""}(${index.columns})`;
    const triggers = await db.$queryRawUnsafe<{ tbl_name: string }[]>(`SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY tbl_name`);
    return { tables, indexes, triggerTables: triggers.map((trigger) => trigger.tbl_name) };
  }
  const columns = await db.$queryRawUnsafe<{ table: string; name: string; type: string; nullable: string; default: string | null; pk: boolean }[]>(
    `SELECT c.table_name AS "table", c.column_name AS name,
            CASE WHEN c.data_type LIKE 'timestamp%' THEN 'timestamp without time zone' ELSE c.data_type END AS type,
            c.is_nullable AS nullable, c.column_default AS "default",
            EXISTS (SELECT 1 FROM information_schema.table_constraints t JOIN information_schema.key_column_usage k
                      ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema
                    WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = c.table_schema AND t.table_name = c.table_name AND k.column_name = c.column_name) AS pk
     FROM information_schema.columns c WHERE c.table_schema = current_schema() AND c.table_name <> '_prisma_migrations'`,
  );
  for (const column of columns) {
    const type = typeClass(column.type);
    add(column.table, column.name, { type, nullable: column.nullable === "YES", default: normalDefault(column.default, type), primaryKey: column.pk });
  }
  const indexRows = await db.$queryRawUnsafe<{ name: string; unique: boolean; columns: string }[]>(
    `SELECT i.relname AS name, x.indisunique AS unique,
            (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum) AS columns
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
     WHERE n.nspname = current_schema() AND NOT x.indisprimary`,
  );
  for (const index of indexRows) indexes[index.name] = `${index.unique ? "UNIQUE " : ""}(${index.columns})`;
  const triggers = await db.$queryRawUnsafe<{ table: string }[]>(
    `SELECT DISTINCT event_object_table AS "table" FROM information_schema.triggers WHERE trigger_schema = current_schema() ORDER BY 1`,
  );
  return { tables, indexes, triggerTables: triggers.map((trigger) => trigger.table) };
}
