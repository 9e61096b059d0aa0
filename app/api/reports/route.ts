import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { myReports } from "@/lib/reports/reports";

/** The signed-in user's reports, the latest per item: what each item shows as "Reported: …". */
export const GET = userRoute({}, async (userId) => ({ reports: await myReports(getDb(), userId) }));
