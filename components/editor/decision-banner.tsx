"use client";

import { useEffect, useRef } from "react";

/** What the editor's last decision did, focused when it appears: the decided item may have left the list. */
export function DecisionBanner({ text }: { text: string }) {
  const banner = useRef<HTMLParagraphElement>(null);
  useEffect(() => banner.current?.focus(), [text]);
  return (
    <p ref={banner} className="alert alert-success" role="status" tabIndex={-1}>
      {text}
    </p>
  );
}
