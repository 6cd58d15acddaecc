import { useEffect, useState } from "react";

type CopyState = "idle" | "copied" | "failed";

interface CopyButtonProps {
  text: string;
  label: string;
  copiedLabel: string;
  testId: string;
  /** What the text is, for the field that offers it when the clipboard cannot be used. */
  description: string;
  primary?: boolean;
}

/** Puts `text` on the clipboard; where the clipboard is refused, shows it selected to copy by hand. */
export function CopyButton({ text, label, copiedLabel, testId, description, primary = false }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      // No clipboard (an insecure origin, or permission refused): leave the text to copy by hand.
      setState("failed");
    }
  };

  return (
    <span className="copy-link">
      <button
        type="button"
        className={`button${primary ? " button--primary" : ""}`}
        data-testid={testId}
        onClick={copy}
      >
        {state === "copied" ? copiedLabel : label}
      </button>
      {state === "failed" && (
        <input
          className="copy-link-fallback"
          readOnly
          value={text}
          aria-label={description}
          ref={(input) => input?.select()}
        />
      )}
    </span>
  );
}
