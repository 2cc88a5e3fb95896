import { caseSections } from "./cases.ts";
import type { SectionSource } from "./section.ts";
import { supervisionSections } from "./supervision.ts";
import { warningSections } from "./warnings.ts";

/**
 * Every capability's part of the 工作台, in the order the page shows them. A capability adds its
 * sections with one file beside `cases.ts` (a `SectionSource`) and one line here.
 */
export const sources: readonly SectionSource[] = [caseSections, supervisionSections, warningSections];
