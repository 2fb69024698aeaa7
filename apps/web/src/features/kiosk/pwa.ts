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
 * Makes the evaluator an installable, /** Registers once the page has loaded, so the shell's first download is not shared with the cache's. */
function afterLoad(): Promise<void> {
  if (document.readyState === "complete") return Promise.resolve();
  return new Promise((resolve) => window.addEventListener("load", () => resolve(), { once: true }));
}

/**
 * Makes the evaluator an installable, offline-capable app: the service worker caches the shell
 * so /kiosk opens without a network. A new version waits until the idle screen and then
 * reloads — never in the middle of a rating. The browser's own registration API does this in a
 * few lines (no workbox-window on the tablet's first load); the generated worker takes the
 * waiting version over when told `SKIP_WAITING`.
 *
 * NOTE: scope /kiosk is wider than the script's folder, so the server must send
 * `Service-Worker-Allowed: /kiosk` with /w/sw.js; without it registration fails (logged) and the
 * evaluator still works online, with ratings kept safe by the IndexedDB outbox.
 */
export function installKioskPwa(): void {
  if (installed || import.meta.env.DEV || !("serviceWorker" in navigator)) return;
  installed = true;
  linkManifest();
  const container = navigator.serviceWorker;
  let applying = false;
  // A version installed while an older one controls the page waits for us.
  const offer = (waiting: ServiceWorker) => {
    const apply = () => {
      if (!idle) {
        window.setTimeout(apply, RETRY_UPDATE_MS);
        return;
      }
      applying = true;
      waiting.postMessage({ type: "SKIP_WAITING" });
    };
    apply();
  };
  container.addEventListener("controllerchange", () => {
    if (applying) window.location.reload();
  });
  afterLoad()
    .then(() => container.register(SW_URL, { scope: SW_SCOPE }))
    .then((registration) => {
      if (registration.waiting && container.controller) offer(registration.waiting);
      registration.addEventListener("updatefound", () => {
        const installing = registration.installing;
        installing?.addEventListener("statechange", () => {
          if (installing.state === "installed" && container.controller) offer(installing);
        });
      });
      window.setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
    })
    .catch((error: unknown) =>
      console.warn("[kiosk] service worker not registered; the evaluator needs the network to start", error),
    );
}
