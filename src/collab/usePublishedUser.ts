import { useEffect } from "react";
import type { Awareness } from "y-protocols/awareness";
import type { AwarenessUser } from "../../party/shared/collabSchema";

/** Publishes this person's name and colour in awareness, where carets and presence lists read it. */
export function usePublishedUser(awareness: Awareness, user: AwarenessUser): void {
  const { id, name, color } = user;
  useEffect(() => {
    awareness.setLocalStateField("user", { id, name, color } satisfies AwarenessUser);
  }, [awareness, id, name, color]);
}
