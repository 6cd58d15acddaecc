/** Whether a newer deployment of Cowrite is waiting on this device, and the way to switch to it. */
export interface AppUpdates {
  subscribe: (onChange: () => void) => () => void;
  isWaiting: () => boolean;
  /** Lets the waiting version take over; the page reloads once it controls it. */
  reload: () => void;
}

const CHECK_INTERVAL_MS = 60 * 60 * 1000;
// The worker workbox generates without skipWaiting listens for this message.
const SKIP_WAITING = { type: "SKIP_WAITING" };

/** Registers the service worker (built by vite-plugin-pwa) and watches for newer versions of it. */
export function watchForAppUpdates(): AppUpdates {
  const listeners = new Set<() => void>();
  let waiting = false;
  let registration: ServiceWorkerRegistration | undefined;

  const announceWaiting = () => {
    if (waiting) return;
    waiting = true;
    for (const listener of listeners) listener();
  };

  const register = async () => {
    try {
      registration = await navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, {
        scope: import.meta.env.BASE_URL,
      });
    } catch (error) {
      console.warn("The service worker did not register, so Cowrite will not open offline:", error);
      return;
    }
    watchRegistration(registration, announceWaiting);
    checkRegularly(registration);
  };

  // Dev serves no worker. In production, registering after load keeps the first install off the app's own start.
  if (import.meta.env.PROD && "serviceWorker" in navigator) {
    if (document.readyState === "complete") void register();
    else window.addEventListener("load", () => void register(), { once: true });
  }

  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isWaiting: () => waiting,
    reload: () => {
      const next = registration?.waiting;
      // Another tab may have switched already: then this page is the only thing left on the old version.
      if (!next) {
        window.location.reload();
        return;
      }
      navigator.serviceWorker.addEventListener("controllerchange", () => window.location.reload(), { once: true });
      next.postMessage(SKIP_WAITING);
    },
  };
}

/** Calls `announceWaiting` when a worker newer than the active one has installed and waits to take over. */
function watchRegistration(registration: ServiceWorkerRegistration, announceWaiting: () => void) {
  const follow = (worker: ServiceWorker) => {
    // The first worker on a device has none to replace: it takes over at once and is no update.
    if (!registration.active) return;
    const announceIfInstalled = () => {
      if (worker.state === "installed") announceWaiting();
    };
    announceIfInstalled();
    worker.addEventListener("statechange", announceIfInstalled);
  };
  // The browser may have found the update while the page loaded, before this listens.
  if (registration.waiting) follow(registration.waiting);
  if (registration.installing) follow(registration.installing);
  registration.addEventListener("updatefound", () => {
    if (registration.installing) follow(registration.installing);
  });
}

/**
 * Asks the server for a new worker every hour and whenever the tab is back in view or online,
 * so a tab left open learns of a deployment.
 */
function checkRegularly(registration: ServiceWorkerRegistration) {
  const check = () => {
    if (!navigator.onLine) return;
    // Server unreachable: the current version keeps working and a later check tries again.
    registration.update().catch(() => undefined);
  };
  window.setInterval(check, CHECK_INTERVAL_MS);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") check();
  });
  window.addEventListener("online", check);
}
