"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

type IntentLinkProps = Omit<ComponentProps<typeof Link>, "href" | "prefetch" | "onPointerEnter" | "onTouchStart" | "onFocus"> & { href: string };

/**
 * A link whose page is prefetched on intent (pointer over it, touch, keyboard focus), not on sight. Next.js
 * prefetches every link that comes into view, and each prefetch of these pages, all rendered per request,
 * is a server render fetched and parsed, and the page's scripts loaded, in the first seconds of a visit,
 * when a phone's main thread is still making the page usable. Every in-app link is one of these, the
 * navigation's included, so that no page pays for the links it shows.
 */
export function IntentLink({ href, ...props }: IntentLinkProps) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return <Link href={href} prefetch={false} onPointerEnter={prefetch} onTouchStart={prefetch} onFocus={prefetch} {...props} />;
}
