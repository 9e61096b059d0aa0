import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { ServiceWorkerRegistration } from "@/components/offline/service-worker-registration";
import { THEME_COLOUR } from "./manifest";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Smriti: current affairs that stick", template: "%s · Smriti" },
  description:
    "Practice for UPSC Civil Services: sourced facts from official documents, questions in Prelims formats, spaced repetition and exam readiness.",
  appleWebApp: { capable: true, title: "Smriti", statusBarStyle: "default" },
  icons: { apple: "/icons/icon-192.png" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: THEME_COLOUR };

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
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
