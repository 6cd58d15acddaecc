import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import type { Role } from "../../party/shared/roles";
import { type PresentPerson, presentPeople, samePeople } from "./presentPeople";

/** The people in the document, kept current as awareness changes; `selfRole` is this page's own. */
export function usePresence(awareness: Awareness, selfRole: Role): PresentPerson[] {
  const [people, setPeople] = useState(() => presentPeople(awareness.getStates(), awareness.clientID, selfRole));
  useEffect(() => {
    // Every caret move is an awareness change: the page renders again only when who is here changed.
    const update = () => {
      const next = presentPeople(awareness.getStates(), awareness.clientID, selfRole);
      setPeople((shown) => (samePeople(shown, next) ? shown : next));
    };
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [awareness, selfRole]);
  return people;
}
