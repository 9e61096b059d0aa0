import type { MetadataRoute } from "next";

export const THEME_COLOUR = "#2f3a8f";

/** What a phone needs to install Smriti as an app of its own, opening on today's plan. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Smriti: current affairs that stick",
    short_name: "Smriti",
    description: "Sourced current-affairs practice for UPSC Civil Services: flashcards that work offline, a daily quiz and exam readiness.",
    id: "/app/today",
    start_url: "/app/today",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#ffffff",
    theme_color: THEME_COLOUR,
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
