/** Dates and times as the user's locale writes them, the same on the console, popup and options. */

/** A date and time: the last switch on the status panel, each row of the switch history. */
export const formatDateTime = (locale: string, iso: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** A time of today: when the last result came in. Empty when there is none. */
export const formatTime = (locale: string, iso: string | undefined) =>
  iso ? new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(iso)) : '';
