/** Month arithmetic on YYYY-MM strings; no time zones involved. */

const toIndex = (month: string): number => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
};
const fromIndex = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

export const addMonths = (month: string, n: number): string => fromIndex(toIndex(month) + n);

/** The reporting cutoff: villages report figures as of the 25th (notice, 填报说明 1). */
export const cutoffOf = (month: string): string => `${month}-25`;

/** Default publication date: a few days after the cutoff, for the office to adjust. */
export const publishedOf = (month: string): string => `${month}-28`;
