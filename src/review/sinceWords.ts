const CLOCK = { hour: "2-digit", minute: "2-digit" } as const;

function dayOf(time: Date): number {
  return new Date(time.getFullYear(), time.getMonth(), time.getDate()).getTime();
}

/** When something was, the way people say it: "17:05", "yesterday 17:05", "3 Dec 17:05", "3 Dec 2025". */
export function sinceWords(time: number, now = Date.now()): string {
  const then = new Date(time);
  const today = new Date(now);
  const clock = then.toLocaleTimeString(undefined, CLOCK);
  const days = Math.round((dayOf(today) - dayOf(then)) / 86_400_000);
  if (days <= 0) return clock;
  if (days === 1) return `yesterday ${clock}`;
  if (then.getFullYear() === today.getFullYear())
    return `${then.toLocaleDateString(undefined, { day: "numeric", month: "short" })} ${clock}`;
  return then.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
}
