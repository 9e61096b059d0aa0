import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Smriti: current affairs that stick", template: "%s · Smriti" },
  description:
    "Practice for UPSC Civil Services: sourced facts from official documents, questions in Prelims formats, spaced repetition and exam readiness.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: its inline scripts need that response's CSP nonce (proxy.ts),
  // which a page prerendered at build time could not carry.
  await connection();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
