/** Fills `{name}` placeholders of a message template; unknown placeholders stay visible. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole,
  );
}

/** Masks a secret for display: never more than the first 4 characters, and never all of it. */
export function maskSecret(value: string): string {
  if (value.length <= 4) return '****';
  const shown = Math.min(4, Math.floor(value.length / 4));
  return `${value.slice(0, shown)}${'*'.repeat(Math.min(8, value.length - shown))}`;
}
