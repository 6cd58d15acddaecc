import { type AwarenessUser, isHexColor } from "../../party/shared/collabSchema";

const ADJECTIVES = [
  "Amber",
  "Brave",
  "Calm",
  "Clever",
  "Curious",
  "Daring",
  "Eager",
  "Gentle",
  "Happy",
  "Jolly",
  "Kind",
  "Lively",
  "Lucky",
  "Merry",
  "Nimble",
  "Patient",
  "Quick",
  "Quiet",
  "Sunny",
  "Witty",
];

const ANIMALS = [
  "Badger",
  "Beaver",
  "Crane",
  "Dolphin",
  "Falcon",
  "Fox",
  "Hedgehog",
  "Heron",
  "Koala",
  "Lynx",
  "Marten",
  "Otter",
  "Owl",
  "Panda",
  "Penguin",
  "Puffin",
  "Rabbit",
  "Robin",
  "Seal",
  "Wren",
];

/** Caret and presence colours: distinct, readable under white text, and `#rrggbb` as the caret needs. */
export const PALETTE = [
  "#d1495b",
  "#e07a1f",
  "#c29b0c",
  "#3c9d4e",
  "#1f9e89",
  "#2a7fd4",
  "#3f51b5",
  "#7e57c2",
  "#b03fa6",
  "#8d6e63",
  "#546e7a",
  "#00838f",
];

/** The longest display name we keep; longer names are cut. */
export const MAX_NAME_LENGTH = 40;

export type RandomSource = () => number;

function pick<T>(items: readonly T[], random: RandomSource): T {
  return items[Math.floor(random() * items.length) % items.length] as T;
}

/** A first identity for someone new: a friendly random name, a palette colour and a stable id. */
export function newIdentity(random: RandomSource = Math.random): Required<AwarenessUser> {
  return {
    id: crypto.randomUUID(),
    name: `${pick(ADJECTIVES, random)} ${pick(ANIMALS, random)}`,
    color: pick(PALETTE, random),
  };
}

/** A name as typed, made fit to show: single-spaced, trimmed, at most MAX_NAME_LENGTH; null if nothing is left. */
export function cleanName(typed: string): string | null {
  const name = typed.replace(/\s+/g, " ").trim().slice(0, MAX_NAME_LENGTH).trim();
  return name === "" ? null : name;
}

/** A stored identity if it is whole and well formed, otherwise null. */
export function parseIdentity(stored: unknown): Required<AwarenessUser> | null {
  if (typeof stored !== "object" || stored === null) return null;
  const { id, name, color } = stored as Record<string, unknown>;
  if (typeof id !== "string" || typeof name !== "string" || typeof color !== "string") return null;
  const cleaned = cleanName(name);
  if (cleaned === null || !isHexColor(color)) return null;
  return { id, name: cleaned, color };
}
