import type { Role } from './types.ts';

/** German role names for messages and pages. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  applicant: 'Antragstellerin',
  case_worker: 'Sachbearbeitung der Genehmigungsbehörde',
  supervisor: 'Aufsicht',
  agency_member: 'beteiligte Behörde',
  system: 'System (automatisch)',
};

export function roleList(roles: readonly Role[]): string {
  const names = roles.map((role) => ROLE_LABELS[role]);
  return names.length <= 1
    ? (names[0] ?? 'niemand')
    : `${names.slice(0, -1).join(', ')} oder ${names.at(-1) ?? ''}`;
}
