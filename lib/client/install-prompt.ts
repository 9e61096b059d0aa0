/**
 * Chromium's `beforeinstallprompt` (Android Chrome, desktop Chrome and Edge): fired once a page load
 * when the browser finds the app installable and not installed. The event is kept from the moment the
 * page loads (ServiceWorkerRegistration listens on every page), so that Settings can offer "Install
 * app" even when the user opens it later by a client-side navigation. Safari on iPhone never fires it:
 * there, installing is "Add to Home Screen" in the share menu.
 */
export type InstallPromptEvent = Event & { prompt(): Promise<void>; userChoice: Promise<{ outcome: "accepted" | "dismissed" }> };

let deferred: InstallPromptEvent | null = null;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

/** Starts keeping the event; call once per page (idempotent). */
export function listenForInstallPrompt(): () => void {
  const onPrompt = (event: Event) => {
    // The browser's own mini-infobar would offer it at a moment of its choosing: Settings offers it instead.
    event.preventDefault();
    deferred = event as InstallPromptEvent;
    changed();
  };
  const onInstalled = () => {
    deferred = null;
    changed();
  };
  window.addEventListener("beforeinstallprompt", onPrompt);
  window.addEventListener("appinstalled", onInstalled);
  return () => {
    window.removeEventListener("beforeinstallprompt", onPrompt);
    window.removeEventListener("appinstalled", onInstalled);
  };
}

export function subscribeToInstallPrompt(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether the browser has offered to install the app in this page load (and it is not installed). */
export function installPromptAvailable(): boolean {
  return deferred !== null;
}

/** Shows the browser's install dialog; the event is spent either way (the browser fires another later if declined). */
export async function promptInstall(): Promise<"accepted" | "dismissed" | "unavailable"> {
  const event = deferred;
  if (!event) return "unavailable";
  deferred = null;
  changed();
  await event.prompt();
  return (await event.userChoice).outcome;
}

/** How this page is running: as the installed app, in Safari on an iPhone or iPad, or in another browser. */
export function installContext(): "standalone" | "ios" | "browser" {
  const standalone = window.matchMedia("(display-mode: standalone)").matches || (navigator as Navigator & { standalone?: boolean }).standalone === true;
  if (standalone) return "standalone";
  // iPadOS reports itself as a Mac; a Mac with a touch screen is an iPad.
  const ios = /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.userAgent.includes("Macintosh") && navigator.maxTouchPoints > 1);
  return ios ? "ios" : "browser";
}
