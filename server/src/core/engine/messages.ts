/**
 * Fills `{name}` placeholders of a message template; unknown placeholders stay visible. Values
 * are quoted from the user's files, so a password in a URL (`https://user:password@host/…`) is
 * masked here, whichever rule quotes it: messages reach the Problems panel, logs and CI reports.
 */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? maskUrlPasswords(String(data[name])) : whole,
  );
}

/**
 * Credentials in URLs, masked: `scheme://user:password@` → `scheme://user:****@`, and a user part
 * that is a token rather than a name (`https://<token>@github.com/…`) → `scheme://****@`. A
 * `${VARIABLE}` or `$VARIABLE` password is kept: it is a reference, not a secret.
 */
export function maskUrlPasswords(text: string): string {
  return text.replace(/((?<![\w+.-])[a-z][\w+.-]*:\/\/)([^\s/?#@:]*)(?::([^\s/?#]+))?@/gi, (whole, scheme: string, user: string, password: string | undefined) => {
    if (password === undefined) return /^[a-z_][\w.-]{0,31}$/i.test(user) || user === '' ? whole : `${scheme}****@`;
    return /^\$(\{\w+\}|\w+)$/.test(password) ? whole : `${scheme}${user}:****@`;
  });
}

/** Masks a secret for display: never more than the first 4 characters, and never all of it. */
export function maskSecret(value: string): string {
  if (value.length <= 4) return '****';
  const shown = Math.min(4, Math.floor(value.length / 4));
  return `${value.slice(0, shown)}${'*'.repeat(Math.min(8, value.length - shown))}`;
}
