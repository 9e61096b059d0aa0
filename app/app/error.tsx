"use client";

import { PageError } from "@/components/shell/route-states";

export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} home={{ href: "/app/today", label: "Back to Today" }} />;
}
