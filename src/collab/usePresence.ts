import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import { type PresentPerson, presentPeople } from "./presentPeople";

/** The people in the document, kept current as awareness changes. */
export function usePresence(awareness: Awareness): PresentPerson[] {
  const [people, setPeople] = useState(() => presentPeople(awareness.getStates(), awareness.clientID));
  useEffect(() => {
    const update = () => setPeople(presentPeople(awareness.getStates(), awareness.clientID));
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [awareness]);
  return people;
}
