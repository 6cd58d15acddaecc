import { useCallback, useEffect, useState } from "react";
import type { AwarenessUser } from "../../party/shared/collabSchema";
import { cleanName, newIdentity, parseIdentity } from "./friendlyIdentity";

const STORAGE_KEY = "cowrite:identity";

type Identity = Required<AwarenessUser>;

function readStoredIdentity(): Identity | null {
  try {
    return parseIdentity(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null"));
  } catch {
    return null;
  }
}

// Storage can be full or switched off: then the identity lasts as long as the page.
function storeIdentity(identity: Identity): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(identity));
  } catch {
    // Nothing to do: the page keeps working with the identity it has.
  }
}

function loadOrCreateIdentity(): Identity {
  const stored = readStoredIdentity();
  if (stored) return stored;
  const identity = newIdentity();
  storeIdentity(identity);
  return identity;
}

/**
 * This browser's person: remembered in localStorage, shared by its tabs
 * (a rename in one tab reaches the others through the storage event).
 */
export function useIdentity(): { identity: Identity; rename: (typed: string) => void } {
  const [identity, setIdentity] = useState(loadOrCreateIdentity);

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== STORAGE_KEY) return;
      const stored = readStoredIdentity();
      if (stored) setIdentity(stored);
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, []);

  const rename = useCallback(
    (typed: string) => {
      const name = cleanName(typed);
      if (name === null || name === identity.name) return;
      const renamed = { ...identity, name };
      storeIdentity(renamed);
      setIdentity(renamed);
    },
    [identity],
  );

  return { identity, rename };
}
