import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { objectorDeliveries, type DeliveryObjection } from './recipients.ts';

const objection = (id: string, extra: Partial<DeliveryObjection> = {}): DeliveryObjection => ({
  id,
  reference: `EW-${id}`,
  name: `Person ${id}`,
  address: `Weg ${id}`,
  email: null,
  signatures: 1,
  groupId: null,
  disregarded: false,
  ...extra,
});

describe('objector deliveries (§ 10 Abs. 7 BImSchG, § 17 VwVfG)', () => {
  it('one delivery per person, the same e-mail counted once', () => {
    const list = objectorDeliveries(
      [
        objection('1', { email: 'a@example.net' }),
        objection('2', { email: 'A@EXAMPLE.NET', name: 'Anders geschrieben' }),
        objection('3'),
      ],
      [],
    );
    assert.deepEqual(
      list.deliveries.map((d) => [d.objectionId, d.represents]),
      [
        ['1', 2],
        ['3', 1],
      ],
    );
  });

  it('a confirmed group with a representative gets one delivery to the representative', () => {
    const list = objectorDeliveries(
      [
        objection('1', { groupId: 'g', signatures: 30 }),
        objection('2', { groupId: 'g', signatures: 30 }),
        objection('3', { groupId: 'g' }),
      ],
      [{ id: 'g', representativeId: '2' }],
    );
    assert.deepEqual(list.deliveries, [
      {
        kind: 'representative',
        objectionId: '2',
        name: 'Person 2',
        address: 'Weg 2',
        email: null,
        represents: 61,
      },
    ]);
  });

  it('a group without a representative: each member individually', () => {
    const list = objectorDeliveries(
      [objection('1', { groupId: 'g' }), objection('2', { groupId: 'g' })],
      [{ id: 'g', representativeId: null }],
    );
    assert.equal(list.deliveries.length, 2);
  });

  it('a signature list goes to its named representative; disregarded and anonymous ones get none', () => {
    const list = objectorDeliveries(
      [
        objection('1', {
          signatures: 200,
          representativeName: 'Vera Vertreterin',
          representativeAddress: 'Marktplatz 1',
          email: 'erste@example.net',
        }),
        objection('2', { disregarded: true }),
        objection('3', { name: null, address: null }),
      ],
      [],
    );
    assert.deepEqual(list.deliveries, [
      {
        kind: 'representative',
        objectionId: '1',
        name: 'Vera Vertreterin',
        address: 'Marktplatz 1',
        email: null,
        represents: 200,
      },
    ]);
    assert.equal(list.disregarded, 1);
    assert.equal(list.unreachable, 1);
  });
});
