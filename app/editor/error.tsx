"use client";

import { PageError } from "@/components/shell/route-states";

export default function EditorError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} home={{ href: "/editor", label: "Back to reports" }} />;
}
