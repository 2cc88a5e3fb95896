export { divisionsSource, hasCountyDivisions } from "./codes.ts";
export { loadCountyDivisions } from "./load.ts";
export type { CountyDivisions, DivisionRow } from "./slice.ts";
