/**
 * Reads whole-number settings from the room's environment (`partykit dev --var NAME=value`,
 * or the deployed project's variables), each in place of its default when set.
 */
export function settingsFrom<Settings extends { [Key in keyof Settings]: number }>(
  env: Record<string, unknown>,
  defaults: Settings,
  names: Record<keyof Settings, string>,
): Settings {
  const settings = { ...defaults };
  for (const key of Object.keys(names) as (keyof Settings & string)[]) {
    const raw = env[names[key]];
    if (raw === undefined || raw === "") continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new Error(`${names[key]} must be a positive whole number, not ${JSON.stringify(raw)}`);
    }
    settings[key] = value as Settings[typeof key];
  }
  return settings;
}
