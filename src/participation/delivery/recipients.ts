/**
 * Who receives the decision besides the applicant (§ 10 Abs. 7 S. 1 BImSchG: "den Personen, die
 * Einwendungen erhoben haben"). Pure: plain rows in, the delivery list out, so the count that
 * decides between individual delivery and public notice and the list that is then delivered are
 * the same computation.
 */

/** One objection as the delivery needs it. */
export interface DeliveryObjection {
  readonly id: string;
  readonly reference: string;
  readonly name: string | null;
  readonly address: string | null;
  readonly email: string | null;
  /** Signers of the submission (a signature list counts every one). */
  readonly signatures: number;
  /** The confirmed group of uniform submissions it belongs to, if any. */
  readonly groupId: string | null;
  /** The case worker decided to disregard it (§ 17 Abs. 2 S. 1 VwVfG). */
  readonly disregarded: boolean;
  /** The representative named in the submission itself (§ 17 Abs. 1 S. 1 VwVfG), if recorded. */
  readonly representativeName?: string | null;
  readonly representativeAddress?: string | null;
}

/** A confirmed group of uniform submissions and the member that represents it (§ 17 VwVfG). */
export interface DeliveryGroup {
  readonly id: string;
  readonly representativeId: string | null;
}

export interface ObjectorDelivery {
  readonly kind: 'objector' | 'representative';
  /** The objection whose author (or named representative) receives the decision. */
  readonly objectionId: string;
  readonly name: string | null;
  readonly address: string | null;
  readonly email: string | null;
  /** Objections (or signers of a list) this one delivery stands for. */
  readonly represents: number;
}

export interface DeliveryList {
  readonly deliveries: readonly ObjectorDelivery[];
  /** Objections without name, address or e-mail: only the public notice reaches them. */
  readonly unreachable: number;
  /** Objections disregarded under § 17 Abs. 2 VwVfG: no delivery. */
  readonly disregarded: number;
}

/** Above this many signers one named person represents a uniform submission (§ 17 Abs. 1 VwVfG). */
const REPRESENTED_ABOVE = 50;

const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/**
 * The same person may have objected more than once (form and letter): one delivery is enough.
 * The e-mail address identifies a person best; without one, name and address together. [open]
 */
function personKey(d: ObjectorDelivery): string | null {
  if (d.email) return `mail:${d.email.toLowerCase()}`;
  if (d.name && d.address)
    return `post:${`${d.name}|${d.address}`.toLowerCase().replace(/\s+/g, ' ')}`;
  return null;
}

function reachable(d: ObjectorDelivery): boolean {
  return d.email !== null || d.address !== null;
}

/**
 * Delivery per objector, with two rules for uniform submissions (§ 17 VwVfG) [open]:
 * - a confirmed group with a representative gets ONE delivery, to that representative, for all
 *   members (§ 17 Abs. 1 S. 1: the representative acts for the signers, so delivery to them
 *   suffices, § 7 Abs. 1 VwZG);
 * - a signature list gets one delivery, to the representative named in it, else to its first
 *   named signer; with more than 50 signers that person is the representative.
 * Disregarded submissions (§ 17 Abs. 2 S. 1 VwVfG) get none. Late objections are delivered to
 * like any other: § 10 Abs. 7 BImSchG names everyone who objected, and a delivery too many does
 * no harm where one too few would keep the decision open for that person. [open]
 */
export function objectorDeliveries(
  objections: readonly DeliveryObjection[],
  groups: readonly DeliveryGroup[],
): DeliveryList {
  const representativeOf = new Map(
    groups.filter((g) => g.representativeId !== null).map((g) => [g.id, g.representativeId!]),
  );
  const groupSize = new Map<string, number>();
  for (const o of objections) {
    if (o.groupId !== null && !o.disregarded)
      groupSize.set(o.groupId, (groupSize.get(o.groupId) ?? 0) + Math.max(1, o.signatures));
  }
  const candidates: ObjectorDelivery[] = [];
  let disregarded = 0;
  for (const o of objections) {
    if (o.disregarded) {
      disregarded++;
      continue;
    }
    const representative = o.groupId === null ? undefined : representativeOf.get(o.groupId);
    if (representative !== undefined && representative !== o.id) continue;
    const named = clean(o.representativeName);
    const list = o.signatures > 1;
    candidates.push({
      kind:
        representative === o.id || (list && (named !== null || o.signatures > REPRESENTED_ABOVE))
          ? 'representative'
          : 'objector',
      objectionId: o.id,
      name: named ?? clean(o.name),
      address: named !== null ? clean(o.representativeAddress) : clean(o.address),
      email: named !== null ? null : clean(o.email),
      represents:
        representative === o.id ? (groupSize.get(o.groupId!) ?? 1) : Math.max(1, o.signatures),
    });
  }
  const indexOf = new Map<string, number>();
  const deliveries: ObjectorDelivery[] = [];
  let unreachable = 0;
  for (const d of candidates) {
    if (!reachable(d)) {
      unreachable += d.represents;
      continue;
    }
    const key = personKey(d);
    const at = key === null ? undefined : indexOf.get(key);
    if (at !== undefined) {
      // One delivery for the person, standing for all of their objections.
      const seen = deliveries[at]!;
      deliveries[at] = { ...seen, represents: seen.represents + d.represents };
      continue;
    }
    if (key !== null) indexOf.set(key, deliveries.length);
    deliveries.push(d);
  }
  return { deliveries, unreachable, disregarded };
}
