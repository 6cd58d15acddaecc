import type { AccessKeys, Role } from "../../party/shared/roles";

/** What this page may do with its document, and the links it may hand on. */
export interface PageAccess {
  role: Role;
  /** The key this page opened the document with; null for an open document's bare address. */
  key: string | null;
  /** The keys of the links this role may share; null for an open document, or when not known. */
  keys: Partial<AccessKeys> | null;
  /** False when the server could not be asked, and the role is what this browser last knew. */
  confirmed: boolean;
}

/** A page's access, which changes when its editor resets the links. */
export class SessionAccess {
  private readonly listeners = new Set<() => void>();

  constructor(private access: PageAccess) {}

  current = (): PageAccess => this.access;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  replace(access: PageAccess): void {
    this.access = access;
    for (const listener of this.listeners) listener();
  }
}
