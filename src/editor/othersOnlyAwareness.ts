import type { Awareness } from "y-protocols/awareness";

type Listener = (...args: unknown[]) => void;

/**
 * The awareness as the caret plugin should hear it: its "change" listeners miss this tab's own
 * changes (y-protocols gives those the origin "local"). The plugin draws only others' carets,
 * yet redraws them all, in a transaction of the whole editor, at every change: this tab's caret
 * moving with each of its own keys included.
 */
export function othersOnlyAwareness(awareness: Awareness): Awareness {
  const heard = new WeakMap<Listener, Listener>();
  const othersOnly = (listener: Listener) => {
    let wrapped = heard.get(listener);
    if (!wrapped) {
      wrapped = (changes, origin) => {
        if (origin !== "local") listener(changes, origin);
      };
      heard.set(listener, wrapped);
    }
    return wrapped;
  };
  return new Proxy(awareness, {
    get(target, property) {
      if (property === "on" || property === "off") {
        return (name: string, listener: Listener) =>
          target[property](name, name === "change" ? othersOnly(listener) : listener);
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? (value as Listener).bind(target) : value;
    },
  });
}
