/** Sign-in protection: consecutive failures before the account locks, and for how long. */
export const LOGIN_FAILURES_BEFORE_LOCK = 5;
export const LOCK_MINUTES = 15;
/** Sign-in attempts per client address per minute, counted in memory. */
export const LOGIN_ATTEMPTS_PER_MINUTE = 10;
/** How long a session lasts without signing in again. */
export const SESSION_HOURS = 12;
export const SESSION_COOKIE = "prongsai_session";
/** Cookie-authenticated writes must echo this cookie's value in the header below (double submit). */
export const CSRF_COOKIE = "prongsai_csrf";
export const CSRF_HEADER = "x-csrf-token";
/** Largest evidence file accepted (bytes); larger uploads are refused with 413. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Reminders: measures due within this many days (or overdue) produce a notice, once a day. */
export const REMINDER_DAYS = 14;
/** Shortest password accepted when a password is set or reset. */
export const PASSWORD_MIN_LENGTH = 10;
/** How long an emailed password-reset link works. */
export const RESET_LINK_MINUTES = 60;
/** How long the set-password link of a newly created account works. */
export const INVITE_LINK_DAYS = 7;
/** Password-reset requests (and confirmations) per client address per minute, counted in memory. */
export const RESET_REQUESTS_PER_MINUTE = 5;
/** Unused, unexpired reset links one account may hold; further requests send nothing (no mailbox flooding). */
export const MAX_LIVE_RESET_LINKS = 3;
/** Data rows one results import may hold (more than every agency in one year); split larger files. */
export const MAX_IMPORT_ROWS = 20_000;
/** Problems listed for one refused import; the rest are counted, so the answer stays readable. */
export const MAX_IMPORT_PROBLEMS = 2_000;
