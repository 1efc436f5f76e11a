import { describe, expect, it } from 'vitest';
import { csvField, formatCsv } from '../../src/lib/csv';
import { parseCsv } from '../../src/lib/village-tables/csv';
import { csvField as openDataCsvField } from '../../src/lib/disclosure/open-data';
import { formatCsv as officeFormatCsv } from '../../src/lib/village-tables/csv';

describe('the shared CSV writer', () => {
  it.each(['=', '+', '-', '@'])('shows a cell starting with %s as text (leading apostrophe, quoted)', (start) => {
    const cell = `${start}1+1`;
    expect(csvField(cell)).toBe(`"'${cell}"`);
    expect(formatCsv([[cell, '燃气']])).toBe(`\uFEFF"'${cell}",燃气\r\n`);
  });

  it('neutralises a leading tab or carriage return too', () => {
    expect(csvField('\t=1')).toBe(`"'\t=1"`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
  });

  it('leaves other cells as RFC 4180 has them', () => {
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"明"')).toBe('"说""明"""');
  });

  it('writes numbers as numbers (a negative one too), empty cells, a BOM and CRLF line ends', () => {
    expect(
      formatCsv([
        ['村', 3, null],
        [-2, 1.25, ''],
        ['-2', '', ''],
      ]),
    ).toBe(`\uFEFF村,3,\r\n-2,1.25,\r\n"'-2",,\r\n`);
  });

  it('is the writer the open data and the office tool both use', () => {
    expect(openDataCsvField).toBe(csvField);
    expect(officeFormatCsv).toBe(formatCsv);
  });

  it('reads back through the office CSV reader as text with the apostrophe', () => {
    expect(parseCsv(formatCsv([['=HYPERLINK("http://x")', '@SUM(A1)']]).slice(1))).toEqual([
      [`'=HYPERLINK("http://x")`, `'@SUM(A1)`],
    ]);
  });
});
