import path from "node:path";
import { editorRoute } from "@/app/api/_shared/handler";
import { loadBank } from "@/lib/content/bank";
import { getDb } from "@/lib/db/client";
import { editorQueue } from "@/lib/reports/editor-queue";

export const GET = editorRoute({}, async () => ({
  items: await editorQueue(getDb(), { bank: loadBank(), contentRoot: path.resolve("content") }),
}));
