import type { Route } from "@/app/api/_shared/handler";
import { GET as reviewQueueRoute } from "@/app/api/reviews/queue/route";
import { POST as submitReviewRoute } from "@/app/api/reviews/route";
import { POST as undoReviewRoute } from "@/app/api/reviews/undo/route";
import { POST as answerQuestionRoute } from "@/app/api/quiz/[id]/answers/route";

type HotRoute = { method: string; path: RegExp; params: readonly string[]; handler: Route };

/**
 * The routes answered many times a minute while studying, which scripts/serve.ts hands straight to
 * their route modules, before Next.js's request pipeline (docs/performance.md: per request, that
 * pipeline cost more CPU than the route's own work), through each route's `answer` (handler.ts: the
 * same wrapper Next.js calls, reading Node's request without a web Request or Response). The route
 * files stay their one definition: the session check, zod schemas, error statuses and bodies are
 * theirs, and Next.js serves the same modules when it is run on its own (`next start`, `next dev`).
 */
const HOT_ROUTES: readonly HotRoute[] = [
  { method: "POST", path: /^\/api\/reviews$/, params: [], handler: submitReviewRoute },
  { method: "POST", path: /^\/api\/reviews\/undo$/, params: [], handler: undoReviewRoute },
  { method: "GET", path: /^\/api\/reviews\/queue$/, params: [], handler: reviewQueueRoute },
  { method: "POST", path: /^\/api\/quiz\/([^/]+)\/answers$/, params: ["id"], handler: answerQuestionRoute },
];

/** The hot route a request goes to, with its path's parameters, or null for everything Next.js answers. */
export function hotRouteOf(method: string | undefined, url: string | undefined): { handler: Route; params: Record<string, string> } | null {
  if (!method || !url) return null;
  const query = url.indexOf("?");
  const pathname = query === -1 ? url : url.slice(0, query);
  for (const route of HOT_ROUTES) {
    if (route.method !== method) continue;
    const match = route.path.exec(pathname);
    if (!match) continue;
    let params: Record<string, string>;
    try {
      params = Object.fromEntries(route.params.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]));
    } catch {
      return null; // a malformed escape: Next.js answers it as it would any other path
    }
    return { handler: route.handler, params };
  }
  return null;
}
