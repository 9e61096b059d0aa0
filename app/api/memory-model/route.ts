import { userRoute } from "@/app/api/_shared/handler";
import { getDb } from "@/lib/db/client";
import { fitMemoryModel } from "@/lib/memory-model/fit";
import { appFitter, simulateInWorker } from "@/lib/memory-model/workers";
import { getMemoryModel } from "@/lib/memory-model/model";
import { memoryModelQuerySchema } from "@/lib/validation/memory-model";

// The simulation runs in a worker, seeded by the user so that the curve is the same on every load until
// their cards or settings change.
export const GET = userRoute({ query: memoryModelQuerySchema }, async (userId, { query }) =>
  getMemoryModel(getDb(), userId, { now: new Date(), simulate: simulateInWorker(`memory-model:${userId}`), examDayTarget: query.examDayTarget }),
);

// The fit runs in a child process at the lowest priority; this request waits for it without holding up anyone else's.
export const POST = userRoute({}, async (userId) => fitMemoryModel(getDb(), userId, { now: new Date(), fitter: appFitter() }));
