import { accepted, userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { startMemoryModelFit } from "@/lib/memory-model/fit";
import { appFitter, simulateInWorker } from "@/lib/memory-model/workers";
import { getMemoryModel } from "@/lib/memory-model/model";
import { memoryModelQuerySchema } from "@/lib/validation/memory-model";

// The simulation runs in a worker, seeded by the user so that the curve is the same on every load until
// their cards or settings change.
export const GET = userRoute({ query: memoryModelQuerySchema }, async (userId, { query }) =>
  getMemoryModel(getDb(), userId, { now: new Date(), simulate: simulateInWorker(`memory-model:${userId}`), examDayTarget: query.examDayTarget }),
);

// 202 with the fit's job (GET /api/jobs/<id> until done); the fit itself runs in a child process at the lowest priority.
export const POST = userRoute({}, async (userId) => accepted((await startMemoryModelFit(getDb(), userId, { now: () => new Date(), fitter: appFitter() })).job));
