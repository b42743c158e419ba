import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draftFromForm } from './profile.form.ts';
import { describeChanges } from './profile.history.ts';
import { sameEnterprise } from './profile.relations.ts';
import { checkProfileDraft, parseRegisterNumber, type ProfileDraft } from './profile.validation.ts';

const context = { organisationName: 'Muster Stahl GmbH', today: '2026-12-03' };

function draft(overrides: Partial<ProfileDraft> = {}): ProfileDraft {
  return {
    validFrom: '2026-06-30',
    legalForm: 'gmbh',
    legalFormOther: '',
    registerCourt: 'Amtsgericht Duisburg',
    registerNumber: 'HRB 1234',
    naceCode: '24.10',
    seatAgs: '05112000',
    staffAwu: 120,
    turnoverCents: 30_000_000_00,
    balanceSheetCents: 20_000_000_00,
    figuresYear: 2025,
    craftsChamberMember: false,
    trade: '',
    publicBodiesShare: undefined,
    undertakingInDifficulty: undefined,
    partners: [],
    linked: [],
    ...overrides,
  };
}

const fields = (d: ProfileDraft) => checkProfileDraft(d, context).errors.map((e) => e.field);

describe('company profile check', () => {
  it('accepts a complete profile and canonicalises codes', () => {
    const result = checkProfileDraft(
      draft({ registerNumber: ' hrb1234 ', naceCode: 'C 24.10' }),
      context,
    );
    assert.deepEqual(result.errors, []);
    assert.equal(result.values?.registerNumber, 'HRB 1234');
    assert.equal(result.values?.naceCode, '24.10');
  });

  it('register numbers: the five register types, the legal form decides which', () => {
    assert.deepEqual(parseRegisterNumber('GnR 12'), { type: 'GnR', canonical: 'GnR 12' });
    assert.deepEqual(parseRegisterNumber('HRA 7311 b'), { type: 'HRA', canonical: 'HRA 7311 B' });
    assert.equal(parseRegisterNumber('HRB 0123'), undefined);
    assert.equal(parseRegisterNumber('HRC 1'), undefined);
    assert.deepEqual(fields(draft({ legalForm: 'kg' })), ['registerNumber']);
    assert.deepEqual(fields(draft({ registerNumber: '', registerCourt: '' })), ['registerNumber']);
    assert.deepEqual(fields(draft({ registerCourt: '' })), ['registerCourt']);
    assert.deepEqual(
      fields(draft({ legalForm: 'gbr', registerNumber: '', registerCourt: '' })),
      [],
    );
    assert.deepEqual(fields(draft({ legalForm: 'gbr' })), ['registerNumber']);
    assert.deepEqual(fields(draft({ legalForm: 'other' })), ['legalFormOther']);
  });

  it('staff, money, year, seat and shares are refused by name', () => {
    assert.deepEqual(fields(draft({ staffAwu: 0 })), ['staffAwu']);
    assert.deepEqual(fields(draft({ staffAwu: 0.5 })), ['staffAwu']);
    assert.deepEqual(fields(draft({ staffAwu: 1.255 })), ['staffAwu']);
    assert.deepEqual(fields(draft({ turnoverCents: NaN })), ['turnover']);
    assert.deepEqual(fields(draft({ balanceSheetCents: -1 })), ['balanceSheet']);
    assert.deepEqual(fields(draft({ figuresYear: 2027 })), ['figuresYear']);
    assert.deepEqual(fields(draft({ seatAgs: '0511200' })), ['seatAgs']);
    assert.deepEqual(fields(draft({ seatAgs: '17000000' })), ['seatAgs']);
    // Outside NRW only the form is checked: the portal has no list of other Länder.
    assert.deepEqual(fields(draft({ seatAgs: '09162000' })), []);
    assert.deepEqual(fields(draft({ publicBodiesShare: 101 })), ['publicBodiesShare']);
  });

  it('partner and linked enterprises: share ranges, self, duplicates; empty rows are skipped', () => {
    const row = {
      name: 'Beteiligung AG',
      share: 30,
      staffAwu: 10,
      turnoverCents: undefined,
      balanceSheetCents: undefined,
    };
    const empty = {
      name: ' ',
      share: undefined,
      staffAwu: undefined,
      turnoverCents: undefined,
      balanceSheetCents: undefined,
    };
    assert.deepEqual(fields(draft({ partners: [row, empty] })), []);
    assert.deepEqual(fields(draft({ partners: [{ ...row, share: 24.9 }] })), ['partners.0.share']);
    assert.deepEqual(fields(draft({ partners: [{ ...row, share: 50.5 }] })), ['partners.0.share']);
    assert.deepEqual(fields(draft({ linked: [{ ...row, share: 50 }] })), ['linked.0.share']);
    assert.deepEqual(fields(draft({ linked: [{ ...row, share: 50.01 }] })), []);
    assert.deepEqual(fields(draft({ partners: [{ ...row, name: 'MUSTER STAHL GmbH.' }] })), [
      'partners.0.name',
    ]);
    assert.deepEqual(fields(draft({ partners: [row], linked: [{ ...row, share: 60 }] })), [
      'linked.0.name',
    ]);
    assert.ok(sameEnterprise('Muster Stahl GmbH', 'muster-stahl gmbh'));
    assert.ok(!sameEnterprise('Muster Stahl GmbH', 'Muster Stahl AG'));
  });

  it('reads German numbers and euro amounts from the form', () => {
    const d = draftFromForm({
      staffAwu: '42,5',
      turnover: '4.500.000,50 €',
      balanceSheet: '-10',
      'partners.0.share': '33,33 %',
      'partners.0.turnover': 'zehn',
      partnersRows: '2',
    });
    assert.equal(d.staffAwu, 42.5);
    assert.equal(d.turnoverCents, 450_000_050);
    assert.equal(d.balanceSheetCents, -1000);
    assert.equal(d.partners.length, 2);
    assert.equal(d.partners[0]!.share, 33.33);
    assert.ok(Number.isNaN(d.partners[0]!.turnoverCents));
  });

  it('describes what changed between two versions', () => {
    const a = checkProfileDraft(draft(), context).values!;
    const b = checkProfileDraft(
      draft({
        staffAwu: 130,
        partners: [
          {
            name: 'Neu AG',
            share: 25,
            staffAwu: 1,
            turnoverCents: undefined,
            balanceSheetCents: undefined,
          },
        ],
      }),
      context,
    ).values!;
    assert.deepEqual(describeChanges(undefined, a), ['Profil angelegt.']);
    const lines = describeChanges(a, b);
    assert.ok(
      lines.includes('Beschäftigte (Jahresarbeitseinheiten): 120 JAE → 130 JAE'),
      lines.join('\n'),
    );
    assert.ok(lines.some((l) => l.startsWith('Partnerunternehmen: hinzugefügt Neu AG (25 %')));
  });
});
