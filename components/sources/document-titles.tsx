"use client";

import { createContext, useContext, type ReactNode } from "react";

const DocumentTitles = createContext<Record<string, string>>({});

/** The bank's document titles by id, given once by the signed-in layout, so that sources show titles, not slugs. */
export function DocumentTitlesProvider({ titles, children }: { titles: Record<string, string>; children: ReactNode }) {
  return <DocumentTitles.Provider value={titles}>{children}</DocumentTitles.Provider>;
}

export function useDocumentTitle(doc: string): string {
  return useContext(DocumentTitles)[doc] ?? doc;
}
