import { lazy } from "react";

/**
 * The parts of the figures page painted after the headline — the charts, the capacity card, the per-unit
 * table (antd's Table), the help drawer — as their own chunks, asked for once the headline has painted:
 * the numbers do not wait for their code, nor share the first seconds' connections and API time with it.
 */
const charts = () => import("./Charts.tsx");
const capacity = () => import("../capacity/CapacityFigures.tsx");
const unitsTable = () => import("./UnitsTable.tsx");
const help = () => import("./HelpDrawer.tsx");

export const Charts = lazy(() => charts().then((m) => ({ default: m.Charts })));
export const CapacityFiguresCard = lazy(() => capacity().then((m) => ({ default: m.CapacityFiguresCard })));
export const UnitsTable = lazy(() => unitsTable().then((m) => ({ default: m.UnitsTable })));
export const HelpDrawer = lazy(() => help().then((m) => ({ default: m.HelpDrawer })));
