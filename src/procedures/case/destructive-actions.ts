import type { EffectKind } from '../engine/index.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Steps that end a procedure for good (refusal, rejection for incompleteness, withdrawal). On the
 * case page they are secondary and need a confirmation step; the form route passes the
 * confirmation, and the use case refuses without it after its own access and state checks.
 */
export const DESTRUCTIVE_EFFECTS: ReadonlySet<EffectKind> = new Set<EffectKind>([
  'refuse',
  'reject-incomplete',
  'withdraw',
]);

export const CONFIRM_FIELD = 'bestaetigt';

export function requireConfirmation(effect: EffectKind, confirmed: boolean | undefined): void {
  if (confirmed !== false || !DESTRUCTIVE_EFFECTS.has(effect)) return;
  const message =
    'Bitte bestätigen Sie, dass Sie das Verfahren mit diesem Schritt endgültig beenden wollen; er kann nicht rückgängig gemacht werden.';
  throw new AppError('validation', message, [{ field: CONFIRM_FIELD, message }]);
}
