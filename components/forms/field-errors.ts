/** An issue as zod reports it in the browser, and as a 400's `issues` carry it (docs/api.md). */
export type FieldIssue = { readonly path: readonly PropertyKey[]; readonly message: string };

export type FieldErrors<Field extends string> = Partial<Record<Field | "form", string>>;

/**
 * The message to show under each field: the first issue of each top-level field, so a field that fails
 * two rules shows the rule it broke first. An issue about the input as a whole (an empty path) goes
 * under `form`. The same for the form's own check and for the server's answer, which uses the same
 * schemas, so the two never disagree on where a message goes.
 */
export function fieldErrorsOf<Field extends string>(issues: readonly FieldIssue[]): FieldErrors<Field> {
  const errors: Partial<Record<string, string>> = {};
  for (const issue of issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors as FieldErrors<Field>;
}
