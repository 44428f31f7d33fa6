// What the portal knows of the signed-in person, shared by every module; set once, when the portal starts.

export let me = null;
export let divisions = [];
export const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
export let zone = deviceZone; // replaced by the time zone of the signed-in person's profile
export const searchState = { q: '', divisionId: '' };

/** Who signed in. */
export function signIn(person) {
  me = person;
}

/** The divisions the reader can choose from. */
export function useDivisions(list) {
  divisions = list;
}

/** The time zone every time is shown in. */
export function useZone(tz) {
  zone = tz;
}
