import { download } from "@/app/api/export/_download";
import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { reviewLogCsv } from "@/lib/export/review-log-csv";

export const GET = userRoute({}, async (userId) =>
  download(reviewLogCsv(getDb(), userId), {
    name: `smriti-reviews-${new Date().toISOString().slice(0, 10)}.csv`,
    contentType: "text/csv; charset=utf-8; header=present",
  }),
);
