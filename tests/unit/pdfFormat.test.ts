import { describe, expect, it } from 'vitest';
import type { BudgetLine } from '../../core/model/schema';
import { approvalLine, finnishInessive } from '../../core/pdf/format/approval';
import { formatCents, formatDate, formatPeriod, toCents } from '../../core/pdf/format/numbers';
import { budgetTotals, funderAmounts } from '../../core/pdf/definition/budget';

describe('finnishInessive', () => {
  it('inflects the common approving bodies', () => {
    expect(finnishInessive('seutuvaltuusto')).toBe('seutuvaltuustossa');
    expect(finnishInessive('kunnanvaltuusto')).toBe('kunnanvaltuustossa');
    expect(finnishInessive('kaupunginvaltuusto')).toBe('kaupunginvaltuustossa');
    expect(finnishInessive('maakuntavaltuusto')).toBe('maakuntavaltuustossa');
    expect(finnishInessive('kunnanhallitus')).toBe('kunnanhallituksessa');
    expect(finnishInessive('hallitus')).toBe('hallituksessa');
    expect(finnishInessive('elinvoimalautakunta')).toBe('elinvoimalautakunnassa');
  });

  it('inflects the last word of a named body and keeps its capitals', () => {
    expect(finnishInessive('Kalliorannikon seutuvaltuusto')).toBe(
      'Kalliorannikon seutuvaltuustossa',
    );
    expect(finnishInessive('Kunnanhallitus')).toBe('Kunnanhallituksessa');
  });

  it('gives up on words it does not know', () => {
    expect(finnishInessive('ELY-keskus')).toBeNull();
    expect(finnishInessive('Keski-Suomen ELY-keskus (rahoituspäätös)')).toBeNull();
  });
});

describe('approvalLine', () => {
  const approval = { body: 'seutuvaltuusto', date: '2022-05-09', reference: '§ 12' };

  it('says where and when the programme was approved, in Finnish with the inessive', () => {
    expect(approvalLine(approval, 'fi')).toBe('Hyväksytty seutuvaltuustossa 9.5.2022 § 12');
    expect(approvalLine({ ...approval, body: 'kunnanhallitus' }, 'fi')).toBe(
      'Hyväksytty kunnanhallituksessa 9.5.2022 § 12',
    );
  });

  it('falls back to a form without inflection for an unknown body', () => {
    expect(approvalLine({ ...approval, body: 'Yhtymäkokous ry' }, 'fi')).toBe(
      'Hyväksytty: Yhtymäkokous ry 9.5.2022 § 12',
    );
  });

  it('writes Swedish and English lines', () => {
    expect(approvalLine({ ...approval, body: 'regionfullmäktige' }, 'sv')).toBe(
      'Godkänd i regionfullmäktige 9.5.2022 § 12',
    );
    expect(approvalLine({ ...approval, body: 'the regional council' }, 'en')).toBe(
      'Approved by the regional council 9 May 2022 § 12',
    );
  });

  it('leaves out what is not known', () => {
    expect(approvalLine({ body: 'kunnanvaltuusto', date: null, reference: '' }, 'fi')).toBe(
      'Hyväksytty kunnanvaltuustossa',
    );
    expect(approvalLine({ body: '', date: null, reference: '' }, 'fi')).toBe('');
  });
});

describe('formatCents', () => {
  it('formats euros the Finnish way with the spaces Intl prescribes', () => {
    const intl = (n: number, d: number): string =>
      new Intl.NumberFormat('fi-FI', {
        style: 'currency',
        currency: 'EUR',
        minimumFractionDigits: d,
        maximumFractionDigits: d,
      }).format(n);
    expect(formatCents(11_647_500, 'fi')).toBe(intl(116475, 0));
    expect(formatCents(11_647_500, 'fi')).toMatch(/^116[\u00a0\u202f]475\u00a0€$/);
    expect(formatCents(11_647_550, 'fi')).toMatch(/^116[\u00a0\u202f]475,50\u00a0€$/);
    expect(formatCents(0, 'fi')).toBe('0\u00a0€');
  });

  it('computes in cents so sums do not drift', () => {
    expect(toCents(0.1) + toCents(0.2)).toBe(toCents(0.3));
  });
});

describe('formatDate', () => {
  it('writes dates as 1.12.2022 in Finnish and Swedish', () => {
    expect(formatDate('2022-12-01', 'fi')).toBe('1.12.2022');
    expect(formatDate('2024-06-30', 'sv')).toBe('30.6.2024');
    expect(formatDate('2024-06', 'fi')).toBe('6.2024');
    expect(formatDate('2026', 'fi')).toBe('2026');
    expect(formatDate('2022-12-01', 'en')).toBe('1 Dec 2022');
  });

  it('writes periods with an en dash', () => {
    expect(formatPeriod('2022', '2026', 'fi')).toBe('2022–2026');
    expect(formatPeriod('2022-12-01', '2024-06-30', 'fi')).toBe('1.12.2022–30.6.2024');
    expect(formatPeriod(null, '2026', 'fi')).toBe('2026');
    expect(formatPeriod(null, null, 'fi')).toBe('');
  });
});

describe('budget arithmetic', () => {
  const lines: BudgetLine[] = [
    { id: 'a', category: 'Henkilöstö', amounts: { '2022': 3900, '2023': 46800.1, '2024': 23400 } },
    { id: 'b', category: 'Muut', amounts: { '2023': 0.2, '2024': 1000 } },
  ];

  it('adds up per line, per year and in total in cents', () => {
    const t = budgetTotals(lines);
    expect(t.years).toEqual(['2022', '2023', '2024']);
    expect(t.lineTotals).toEqual([7_410_010, 100_020]);
    expect(t.yearTotals).toEqual([390_000, 4_680_030, 2_440_000]);
    expect(t.total).toBe(7_510_030);
  });

  it('splits the total between funders so the amounts add up exactly', () => {
    const amounts = funderAmounts(
      [
        { id: 'a', name: 'A', share: 33.33 },
        { id: 'b', name: 'B', share: 33.33 },
        { id: 'c', name: 'C', share: 33.34 },
      ],
      11_647_501,
    );
    expect(amounts.reduce((x, y) => x + y, 0)).toBe(11_647_501);
    expect(amounts.every((a) => Number.isInteger(a))).toBe(true);
  });
});
