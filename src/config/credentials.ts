/** Rules for usernames and passwords, shared by the API, the environment and the admin CLI. */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;
export const USERNAME_RULE = '3-40 characters: lower-case letters, digits, dot, dash or underscore';
/** Long passphrases beat complexity rules (NIST SP 800-63B); the upper bound keeps hashing cheap. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
