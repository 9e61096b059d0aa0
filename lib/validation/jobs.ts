import { z } from "zod";

/** A background job's id (lib/jobs), as the job resource's URL carries it. */
export const jobParamsSchema = z.strictObject({ id: z.uuid("A job id is a UUID.") });
