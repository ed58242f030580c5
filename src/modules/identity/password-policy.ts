/**
 * Password rules in the NCSC style: length over complexity, no composition rules, and a deny list
 * of passwords attackers try first. Pure; returns the reasons a password is refused.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

// Base words of the most common passwords (from public breach-frequency lists); a password that
// is one of these, repeated, or padded with digits and symbols is refused.
const COMMON_BASES = new Set([
  'password', 'passw0rd', 'p@ssword', 'p@ssw0rd', 'qwerty', 'qwertyuiop', 'qwertyuiop123', 'asdfghjkl', 'zxcvbnm', 'letmein',
  'welcome', 'admin', 'administrator', 'iloveyou', 'monkey', 'dragon', 'football', 'baseball', 'sunshine', 'princess',
  'master', 'shadow', 'superman', 'batman', 'trustno1', 'abc123', 'starwars', 'whatever', 'freedom', 'changeme',
  'secret', 'default', 'login', 'access', 'hello', 'charlie', 'michael', 'jennifer', 'liverpool', 'chelsea',
  'arsenal', 'manchester', 'police', 'policing', 'constable', 'sergeant', 'kentpolice', 'preventionhub', 'prevention',
  'summer', 'winter', 'spring', 'autumn', 'january', 'september', 'october', 'november', 'december', 'computer',
  'internet', 'qazwsx', 'qwer1234', '1q2w3e4r', '1q2w3e4r5t', '1q2w3e4r5t6y', 'zaq12wsx', 'aa123456', 'password1',
  'letmein1', 'welcome1', 'iloveyou1', 'correcthorsebatterystaple',
]);

function isSequence(s: string): boolean {
  if (s.length < 4) return false;
  const step = s.charCodeAt(1) - s.charCodeAt(0);
  if (Math.abs(step) !== 1) return false;
  for (let i = 2; i < s.length; i++) if (s.charCodeAt(i) - s.charCodeAt(i - 1) !== step) return false;
  return true;
}

/** Lower-cased, with leading/trailing digits and symbols removed: "Password123!" -> "password". */
function core(password: string): string {
  return password.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '');
}

export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) problems.push(`must be at least ${MIN_PASSWORD_LENGTH} characters (three random words work well)`);
  if (length > MAX_PASSWORD_LENGTH) problems.push(`must be at most ${MAX_PASSWORD_LENGTH} characters`);
  const lower = password.toLowerCase();
  const base = core(password);
  const repeatedBase = [...COMMON_BASES].some((w) => lower.replaceAll(w, '') === '' || (base !== '' && base.replaceAll(w, '') === ''));
  if (COMMON_BASES.has(base) || COMMON_BASES.has(lower) || repeatedBase) problems.push('is too common: choose something an attacker would not try first');
  if (/^(.)\1*$/.test(password)) problems.push('must not be one character repeated');
  if (isSequence(lower) || /^\d+$/.test(password)) problems.push('must not be a sequence of digits or letters');
  if (username.length >= 3 && lower.includes(username.toLowerCase())) problems.push('must not contain the username');
  return problems;
}
