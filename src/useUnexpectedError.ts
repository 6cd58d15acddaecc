import { useEffect, useState } from "react";

/**
 * The first error nothing in the page caught, such as the editor's binding failing on content
 * it cannot show: null until one happens. The page goes on, so people must be told.
 */
export function useUnexpectedError(): string | null {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const onError = (event: ErrorEvent) => setError((shown) => shown ?? event.message);
    const onRejection = (event: PromiseRejectionEvent) =>
      setError((shown) => shown ?? (event.reason instanceof Error ? event.reason.message : String(event.reason)));
    window.addEventListener("error", onError);
    window.addEventListener("unhandledrejection", onRejection);
    return () => {
      window.removeEventListener("error", onError);
      window.removeEventListener("unhandledrejection", onRejection);
    };
  }, []);
  return error;
}
