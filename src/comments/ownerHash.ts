import { useEffect, useState } from "react";
import { sha256Hex } from "../../party/shared/sha256Hex";
import { writerKey } from "../identity/writerKey";

/** What the server records as the owner of this browser's comments (the hash of its writer key); null until known. */
export function useOwnerHash(): string | null {
  const [hash, setHash] = useState<string | null>(null);
  useEffect(() => {
    void sha256Hex(writerKey()).then(setHash);
  }, []);
  return hash;
}
