import { useEffect, useState } from "react";

type CopyState = "idle" | "copied" | "failed";

/** Copies this document's address, to send to the people you want to write with. */
export function CopyLinkButton() {
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setState("copied");
    } catch {
      // No clipboard (an insecure origin, or permission refused): leave the address to copy by hand.
      setState("failed");
    }
  };

  return (
    <span className="copy-link">
      <button type="button" className="button button--primary" data-testid="copy-link" onClick={copy}>
        {state === "copied" ? "Link copied" : "Copy link"}
      </button>
      {state === "failed" && (
        <input
          className="copy-link-fallback"
          readOnly
          value={window.location.href}
          aria-label="Document link"
          ref={(input) => input?.select()}
        />
      )}
    </span>
  );
}
