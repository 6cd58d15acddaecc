import { useState } from "react";
import type { PresentPerson } from "./collab/presentPeople";

/** "Ann joined", "Ann and Bo joined", "Cy left": names joined for reading aloud. */
function sentence(names: string[], verb: string): string | null {
  if (names.length === 0) return null;
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `${listed} ${verb}`;
}

/**
 * Says to screen readers, politely, who joined or left the document: avatars appear and go
 * silently otherwise. Only others: your own presence is no news to you.
 */
export function PresenceAnnouncer({ people }: { people: PresentPerson[] }) {
  const [known, setKnown] = useState(people);
  const [news, setNews] = useState("");
  if (people !== known) {
    const before = new Set(known.map((person) => person.key));
    const now = new Set(people.map((person) => person.key));
    const joined = people.filter((person) => !person.isSelf && !before.has(person.key)).map((person) => person.name);
    const left = known.filter((person) => !person.isSelf && !now.has(person.key)).map((person) => person.name);
    const said = [sentence(joined, "joined"), sentence(left, "left")].filter(Boolean).join("; ");
    setKnown(people);
    if (said) setNews(said);
  }
  return (
    <p className="visually-hidden" role="status" data-testid="presence-announcement">
      {news}
    </p>
  );
}
