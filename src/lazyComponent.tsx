import { type ComponentType, lazy } from "react";

/** What shows in place of a part of the app whose code could not be fetched. */
function NotLoaded() {
  return (
    <p className="sync-error" role="alert" data-testid="not-loaded">
      This part of Cowrite could not be loaded (the network may be gone). Reload the page to try again.
    </p>
  );
}

/**
 * A component whose code loads the first time it renders, kept out of the JavaScript a page
 * needs before it shows: render it inside a Suspense boundary. If the code cannot be fetched, a
 * message takes its place rather than the error taking the whole page down.
 */
export function lazyComponent<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  return lazy(async (): Promise<{ default: ComponentType<Props> }> => ({
    default: await load().catch(() => NotLoaded),
  }));
}
