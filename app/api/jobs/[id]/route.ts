import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { jobOf } from "@/lib/jobs/jobs";
import { jobParamsSchema } from "@/lib/validation/jobs";

// A background job of the signed-in user (a memory-model fit, "reschedule my cards"), polled until done or failed.
export const GET = userRoute({ params: jobParamsSchema }, async (userId, { params }) => jobOf(getDb(), userId, params.id));
