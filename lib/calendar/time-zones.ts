/**
 * Time-zone names. The IANA database renames zones now and then and keeps the old name as an alias
 * ("Asia/Calcutta" became "Asia/Kolkata"); ICU, behind Intl in Node and Chromium, still lists many
 * zones under their old names and leaves the new ones out of Intl.supportedValuesOf. Smriti stores and
 * offers the current IANA name and understands both.
 */

// Current IANA names of zones that ICU lists under an older one: old name -> current name.
const CURRENT_NAMES: Record<string, string> = {
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Mendoza": "America/Argentina/Mendoza",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Louisville": "America/Kentucky/Louisville",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** Whether Intl knows the zone, by any of its names. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's current IANA name: "Asia/Calcutta" and "Asia/Kolkata" both give "Asia/Kolkata". */
export function currentTimeZoneName(zone: string): string {
  const resolved = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  return CURRENT_NAMES[resolved] ?? CURRENT_NAMES[zone] ?? (resolved === "Etc/UTC" || resolved === "Etc/GMT" ? "UTC" : resolved);
}

/**
 * The zones to offer in Settings, by current name, sorted, with the stored zone among them exactly as
 * stored, so that the form shows it selected and saving another field sends it back unchanged.
 */
export function timeZoneChoices(stored: string): string[] {
  const listed = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const names = new Set(["UTC", ...listed.map((zone) => CURRENT_NAMES[zone] ?? zone)]);
  if (!names.has(stored)) {
    // A zone stored under an old name replaces its current name in the list, so it appears once.
    if (isTimeZone(stored)) names.delete(currentTimeZoneName(stored));
    names.add(stored);
  }
  return [...names].sort();
}
