/** The columns the map needs before anything else (DataStore phase 1, and the first-data worker). */
export const MAP_TERRITORY_COLUMNS = ['level', 'code', 'province_code', 'region_code', 'has_geometry'];
export const MAP_INDICATOR_COLUMNS = ['level', 'code', 'indicator', 'year', 'value'];
