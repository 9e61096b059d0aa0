import { z } from "zod";
import { isIP } from "node:net";
import { rateLimitsFrom } from "@/lib/rate-limit/limits";
import { trustedProxiesFrom } from "@/lib/rate-limit/client-ip";
import { servingPolicyFrom } from "@/lib/editor/serving-policy";

const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url("NEXTAUTH_URL must be a URL, like http://localhost:3000").optional(),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

export const MISSING_SECRET_MESSAGE =
  "NEXTAUTH_SECRET is not set. In production Smriti refuses to start without it, because sessions would be signed " +
  "with a guessable key. Set it to a long random value, e.g. NEXTAUTH_SECRET=$(openssl rand -base64 32).";

/** Validates the server's environment; returns readable problems instead of failing on the first request. */
export function checkServerEnv(env: Record<string, string | undefined>): { env?: ServerEnv; problems: string[] } {
  const parsed = serverEnvSchema.safeParse(env);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) };
  }
  const problems = parsed.data.NODE_ENV === "production" && !parsed.data.NEXTAUTH_SECRET ? [MISSING_SECRET_MESSAGE] : [];
  try {
    rateLimitsFrom(env);
  } catch (error) {
    problems.push((error as Error).message);
  }
  try {
    servingPolicyFrom(env);
  } catch (error) {
    problems.push((error as Error).message);
  }
  const badProxies = trustedProxiesFrom(env).filter((address) => !isIP(address));
  if (badProxies.length > 0) problems.push(`TRUSTED_PROXIES must list IP addresses, comma-separated (not ${badProxies.join(", ")})`);
  return { env: parsed.data, problems };
}
