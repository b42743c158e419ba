import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calculateRelief, formatReliefTrace } from './index.ts';

describe('printed relief trace (Berechnungsnachweis)', () => {
  it('lists every instrument and step with its norm and parameter versions, drafts marked', () => {
    const lines = formatReliefTrace(
      calculateRelief({
        date: '2026-06-30',
        consumptionKwh: 100_000_000,
        naceCode: '20.13',
        energyPriceCentsPerMwh: 12_000,
        undertakingInDifficulty: false,
        sectorOnEtsList: true,
        sectorOnKueblList1: true,
        euaPriceCentsPerTonne: 7_000,
        referencePriceCentsPerMwh: 9_000,
      }),
    );
    assert.equal(
      lines[0],
      'Stromsteuer: Entlastung für Unternehmen (§ 9b StromStG): berechtigt, 2.000.000,00 €',
    );
    assert.ok(
      lines.includes(
        '     Wert: Regelsteuersatz Strom = 20,50 € je MWh (gültig ab 01.01.2003; § 3 StromStG (20,50 €/MWh))',
      ),
    );
    assert.ok(
      lines.some((l) =>
        /^Industriestrompreis 2026–2028 \(Entwurf der Förderrichtlinie\) – Entwurf: berechtigt, 2\.000\.000,00 €$/.test(
          l,
        ),
      ),
    );
    assert.ok(
      lines.some((l) =>
        /CO₂-Emissionsfaktor Strom Deutschland = 720 kg CO₂ je MWh \(gültig ab 01\.01\.2021/.test(
          l,
        ),
      ),
    );
    assert.ok(
      lines.some((l) => /^Effektiver Preis .* ct\/kWh gegenüber dem Zielpreis 6 ct\/kWh/.test(l)),
    );
  });

  it('says which figures are missing and that the result is an estimate', () => {
    const lines = formatReliefTrace(
      calculateRelief({ date: '2026-06-30', consumptionKwh: 1_000_000 }),
    );
    assert.ok(
      lines.includes(
        '  Es fehlen: Abteilung des Wirtschaftszweigs (WZ 2008), Unternehmen in Schwierigkeiten.',
      ),
    );
    assert.ok(lines.some((l) => l.startsWith('Hinweis: Schätzung:')));
  });
});
