import { z } from "zod";
import { text } from "@/lib/validation/text";
import { download } from "@/app/api/export/_download";
import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { ankiText } from "@/lib/export/anki";

// An empty topic (the Settings form's "whole bank" choice) means no topic.
const querySchema = z.strictObject({
  topic: text()
    .trim()
    .max(200)
    .optional()
    .transform((topic) => topic || undefined),
});

export const GET = userRoute({ query: querySchema }, async (userId, { query }) =>
  download(ankiText(getDb(), userId, query.topic), {
    name: query.topic ? `smriti-${fileNamePart(query.topic)}.txt` : "smriti-bank.txt",
    contentType: "text/plain; charset=utf-8",
  }),
);

/** A topic as a safe file-name part: letters and digits of any script, the rest as single hyphens. */
function fileNamePart(topic: string): string {
  return topic.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").toLowerCase() || "topic";
}
