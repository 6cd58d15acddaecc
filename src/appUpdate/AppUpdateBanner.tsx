import { useSyncExternalStore } from "react";
import type { AppUpdates } from "./watchForAppUpdates";

interface AppUpdateBannerProps {
  updates: AppUpdates;
}

/** Says a newer Cowrite is ready and lets the person switch to it when it suits them. */
export function AppUpdateBanner({ updates }: AppUpdateBannerProps) {
  const waiting = useSyncExternalStore(updates.subscribe, updates.isWaiting);
  if (!waiting) return null;
  return (
    <div className="app-update" role="status" data-testid="app-update">
      <span>A new version of Cowrite is available</span>
      <button type="button" className="button button--primary" data-testid="app-update-reload" onClick={updates.reload}>
        Reload
      </button>
    </div>
  );
}
