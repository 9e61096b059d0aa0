import { checkServerEnv } from "@/lib/env";

export function stopOnBadEnvironment() {
  const { problems } = checkServerEnv(process.env);
  if (problems.length === 0) return;
  console.error(`Smriti cannot start:\n- ${problems.join("\n- ")}`);
  // Serving without a valid environment would only answer 500s: stop instead.
  process.exit(1);
}
