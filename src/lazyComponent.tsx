import { type ComponentType, type ReactNode, useEffect, useState } from "react";

/** What shows in place of a part of the app whose code could not be fetched. */
export function NotLoaded() {
  return (
    <p className="sync-error" role="alert" data-testid="not-loaded">
      This part of Cowrite could not be loaded (the network may be gone). Reload the page to try again.
    </p>
  );
}

export interface LazyComponent<Props> {
  /** Shows `placeholder` until the code has loaded, then the component. */
  Component: (props: Props) => ReactNode;
  /** Starts loading the code, for when it is sure to be wanted soon. */
  preload: () => Promise<unknown>;
}

/**
 * A component whose code loads the first time it renders (or is preloaded), kept out of the
 * JavaScript a page needs before it shows. Not React.lazy: Suspense holds back the content
 * that replaces a fallback by up to 300 ms, which a document's page cannot spare. If the code
 * cannot be fetched, a message takes its place rather than the error taking the page down.
 */
export function lazyComponent<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  placeholder: ReactNode = null,
): LazyComponent<Props> {
  let loaded: ComponentType<Props> | null = null;
  let loading: Promise<unknown> | null = null;
  const preload = () =>
    (loading ??= load()
      .catch(() => NotLoaded)
      .then((component) => {
        loaded = component;
      }));
  function Component(props: Props) {
    const [, setReady] = useState(loaded !== null);
    useEffect(() => {
      // Waits on the load even when it ended between the render and now, so the code always shows.
      let mounted = true;
      void preload().then(() => mounted && setReady(true));
      return () => {
        mounted = false;
      };
    }, []);
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : placeholder;
  }
  return { Component, preload };
}
