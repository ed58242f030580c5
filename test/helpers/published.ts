// Figures published in ../shared/data/police-uk/SOURCES.md for the nine Kent street files,
// typed in by hand: an oracle independent of both the product and the test recount.
export const KENT_ROWS_BY_MONTH: Record<string, number> = {
  '2025-01': 14201, '2025-02': 13305, '2025-03': 15764, '2025-04': 14991, '2025-05': 16276,
  '2025-06': 15336, '2025-07': 17704, '2025-08': 16280, '2025-09': 13351,
};
export const KENT_NO_LOCATION_BY_MONTH: Record<string, number> = {
  '2025-01': 187, '2025-02': 167, '2025-03': 153, '2025-04': 209, '2025-05': 186,
  '2025-06': 155, '2025-07': 258, '2025-08': 188, '2025-09': 163,
};
export const KENT_ASB_BY_MONTH: Record<string, number> = {
  '2025-01': 1560, '2025-02': 1645, '2025-03': 2384, '2025-04': 2614, '2025-05': 2807,
  '2025-06': 2990, '2025-07': 3691, '2025-08': 3480, '2025-09': 2547,
};
export const KENT_TOTAL_ROWS = 137_208;
export const KENT_NO_LOCATION_ROWS = 1_666;
export const KENT_ASB_ROWS = 23_718;

export const KENT_BY_CATEGORY: Record<string, number> = {
  'Violence and sexual offences': 51561, 'Anti-social behaviour': 23718, Shoplifting: 12824,
  'Criminal damage and arson': 12445, 'Other theft': 8816, 'Public order': 6074, 'Vehicle crime': 5547,
  Drugs: 4744, 'Other crime': 4258, Burglary: 3560, 'Possession of weapons': 1329, Robbery: 975,
  'Bicycle theft': 772, 'Theft from the person': 585,
};

export const KENT_BY_DISTRICT: Record<string, number> = {
  Medway: 23571, Canterbury: 13248, Thanet: 12925, Maidstone: 12652, Swale: 12548, Dartford: 10094,
  Dover: 8428, Gravesham: 8163, Ashford: 8152, 'Folkestone and Hythe': 7167, 'Tonbridge and Malling': 6899,
  'Tunbridge Wells': 5856, Sevenoaks: 5797,
};

/** Out-of-force rows: "about 42" in SOURCES.md, in LSOAs of these districts. */
export const KENT_OUT_OF_FORCE_DISTRICTS = ['Bexley', 'Wealden', 'Tandridge', 'Bromley', 'Thurrock', 'Rother', 'Islington', 'Salford'];

/** Kent and Medway LAD codes (SOURCES.md, boundaries notes). */
export const KENT_LAD_CODES: Record<string, string> = {
  Ashford: 'E07000105', Canterbury: 'E07000106', Dartford: 'E07000107', Dover: 'E07000108',
  'Folkestone and Hythe': 'E07000112', Gravesham: 'E07000109', Maidstone: 'E07000110', Medway: 'E06000035',
  Sevenoaks: 'E07000111', Swale: 'E07000113', Thanet: 'E07000114', 'Tonbridge and Malling': 'E07000115',
  'Tunbridge Wells': 'E07000116',
};

/** LSOAs per district in the two LSOA GeoJSON files (SOURCES.md). */
export const KENT_LSOAS_BY_DISTRICT: Record<string, number> = {
  Medway: 169, Maidstone: 99, Canterbury: 92, Swale: 90, Thanet: 86, Ashford: 81, 'Tonbridge and Malling': 78,
  Sevenoaks: 75, Dover: 69, 'Tunbridge Wells': 69, Dartford: 67, 'Folkestone and Hythe': 67, Gravesham: 65,
};

/** City of London multi-year rows per month (multi-year/SOURCES.md), for the months the tests use. */
export const CITY_OF_LONDON_ROWS: Record<string, number> = {
  '2021-09': 765, '2021-10': 750, '2022-01': 593, '2023-08': 765, '2024-08': 826,
};
export const CITY_OF_LONDON_NO_LOCATION: Record<string, number> = {
  '2021-09': 31, '2021-10': 33, '2022-01': 37, '2023-08': 92, '2024-08': 68,
};
