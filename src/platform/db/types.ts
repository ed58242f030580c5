/**
 * One set of result parsers for both engines: int8 and numeric as JS numbers (counts and ids
 * stay far below 2^53), dates as 'YYYY-MM-DD' strings.
 */
export const PG_INT8 = 20;
export const PG_NUMERIC = 1700;
export const PG_DATE = 1082;

export const typeParsers: Record<number, (value: string) => unknown> = {
  [PG_INT8]: (v) => Number(v),
  [PG_NUMERIC]: (v) => Number(v),
  [PG_DATE]: (v) => v,
};
