/** Form fields → the engine's input object for a step, as sent from the case page's step forms. */

/** Form fields (prefixed with the action) → the engine's input object. */
export function actionInput(
  action: string,
  body: Record<string, unknown>,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const entries: [number, string][] = [];
  const lines = (value: unknown) =>
    (typeof value === 'string' ? value : '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
  for (const [key, value] of Object.entries(body)) {
    if (!key.startsWith(`${action}.`)) continue;
    const name = key.slice(action.length + 1);
    const entry = /^conditions\.(\d{1,3})$/.exec(name);
    // Proposed conditions come one per field (a condition may span lines); empty fields are spare.
    if (entry) {
      if (typeof value === 'string' && value.trim() !== '')
        entries.push([Number(entry[1]), value.trim()]);
    } else if (['items', 'documents', 'conditions'].includes(name)) input[name] = lines(value);
    else if (name === 'agencies')
      input[name] = [value].flat().filter((v) => typeof v === 'string' && v !== '');
    else input[name] = typeof value === 'string' ? value.trim() : value;
  }
  if (entries.length > 0) input.conditions = entries.sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  return input;
}
