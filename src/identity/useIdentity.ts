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

function loadOrCreateIdentity(): Identity {
  const stored = readStoredIdentity();
  if (stored) return stored;
  const identity = newIdentity();
  localStorage.setItem(STORAGE_KEY, JSON.stringify(identity));
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
      localStorage.setItem(STORAGE_KEY, JSON.stringify(renamed));
      setIdentity(renamed);
    },
    [identity],
  );

  return { identity, rename };
}
