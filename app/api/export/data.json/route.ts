import { download } from "@/app/api/export/_download";
import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { userDataJson } from "@/lib/export/user-data-json";

export const GET = userRoute({}, async (userId) => {
  const now = new Date();
  return download(userDataJson(getDb(), userId, now), {
    name: `smriti-data-${now.toISOString().slice(0, 10)}.json`,
    contentType: "application/json; charset=utf-8",
  });
});
