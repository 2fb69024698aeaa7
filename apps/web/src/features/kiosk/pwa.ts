import { Workbox } from "workbox-window";

/** The service worker is built into /w/sw.js; it must control /kiosk, which is outside /w/. */
const SW_URL = `${import.meta.env.BASE_URL}sw.js`;
const SW_SCOPE = "/kiosk";
const UPDATE_CHECK_MS = 30 * 60_000;
const RETRY_UPDATE_MS = 10_000;

let idle = true;
let installed = false;

/** The session says whether a citizen is in the middle of something: updates wait for idle. */
export function setKioskIdle(value: boolean): void {
  idle = value;
}

function linkManifest(): void {
  if (document.querySelector('link[rel="manifest"]')) return;
  const link = document.createElement("link");
  link.rel = "manifest";
  link.href = `${import.meta.env.BASE_URL}kiosk.webmanifest`;
  document.head.append(link);
}

/**
 * Makes the evaluator an installable, offline-capable app: the service worker caches the shell
 * so /kiosk opens without a network. A new version waits until the idle screen and then
 * reloads — never in the middle of a rating.
 *
 * NOTE: scope /kiosk is wider than the script's folder, so the server must send
 * `Service-Worker-Allowed: /kiosk` with /w/sw.js; without it registration fails (logged) and the
 * evaluator still works online, with ratings kept safe by the IndexedDB outbox.
 */
export function installKioskPwa(): void {
  if (installed || import.meta.env.DEV || !("serviceWorker" in navigator)) return;
  installed = true;
  linkManifest();
  const workbox = new Workbox(SW_URL, { scope: SW_SCOPE });
  let applying = false;
  workbox.addEventListener("waiting", () => {
    const apply = () => {
      if (!idle) {
        window.setTimeout(apply, RETRY_UPDATE_MS);
        return;
      }
      applying = true;
      workbox.messageSkipWaiting();
    };
    apply();
  });
  workbox.addEventListener("controlling", () => {
    if (applying) window.location.reload();
  });
  workbox
    .register()
    .then((registration) => {
      if (registration) window.setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
    })
    .catch((error: unknown) => console.warn("[kiosk] service worker not registered; the evaluator needs the network to start", error));
}
