import { canAnswerFor, canSupervise, type Finding, type RoundItem, shanghaiMonth } from "@weiquan/domain";
import type { Scope } from "../access/scope.ts";
import { listFindings } from "../inspections/lists.ts";
import { listFollowUps } from "../sampling/follow-ups.ts";
import { listRounds, readRound } from "../sampling/rounds.ts";
import { notInspected, roundDue, sheetsToScore } from "./due.ts";
import { COUNTED, type SectionSource, SHOWN, type WorkItem, type WorkSection } from "./section.ts";

/** Unit names for the few items shown (at most SHOWN reads). */
async function namesOf(scope: Scope, ids: readonly string[]): Promise<Map<string, string>> {
  const distinct = [...new Set(ids)];
  const units = await Promise.all(distinct.map((id) => scope.units.get(id)));
  return new Map(units.flatMap((u) => (u ? [[u.id, u.name] as const] : [])));
}

/**
 * The latest round the caller calls back in, with what is left to call: never tried or not reached yet.
 * Reads the year's round headers (one page) and one round.
 */
async function callbacksDue(scope: Scope, now: Date): Promise<WorkSection[]> {
  if (!canSupervise(scope.viewer, scope.unit.path)) return [];
  const year = shanghaiMonth(now).slice(0, 4);
  const rounds = (await listRounds(scope, { year, limit: 24 }, now)).items
    .filter((r) => r.status === "ready" && r.unitId === scope.unit.id)
    .sort((a, b) => (a.month < b.month ? 1 : -1));
  const latest = rounds[0];
  const href = latest
    ? `/supervision/sampling?round=${encodeURIComponent(latest.id)}`
    : "/supervision/sampling";
  const section = { key: "sampling.callbacks", title: "待回访", tone: "info" as const, href };
  if (!latest || latest.progress.pending + latest.progress.unreached === 0)
    return [{ ...section, count: 0, more: false, items: [] }];
  const round = await readRound(scope, latest.id);
  const due = round.items.filter((i) => !i.callback?.reached);
  const shown = due.slice(0, SHOWN);
  const names = await namesOf(
    scope,
    shown.map((i) => i.unitId),
  );
  const item = (i: RoundItem): WorkItem => ({
    id: `${round.id}:${i.caseId}`,
    title: `${i.trackingNo}　${i.subject}`,
    detail: [names.get(i.unitId), i.consumerName, i.attempts ? `已回访 ${i.attempts} 次未接通` : undefined]
      .filter(Boolean)
      .join(" · "),
    href,
    at: i.closedAt,
  });
  return [{ ...section, count: due.length, more: false, items: shown.map(item) }];
}

/** The follow-ups the caller's unit (and the units below it) owe after unsatisfied verified callbacks. */
async function followUpsDue(scope: Scope): Promise<WorkSection[]> {
  if (!canAnswerFor(scope.viewer, scope.unit.path)) return [];
  const page = await listFollowUps(scope, { status: "open", limit: COUNTED });
  const shown = page.items.slice(0, SHOWN);
  const names = await namesOf(
    scope,
    shown.map((f) => f.unitId),
  );
  return [
    {
      key: "sampling.followUps",
      title: "回访跟进",
      tone: "warning",
      href: "/supervision/sampling?tab=followUps",
      count: page.items.length,
      more: page.nextCursor !== null,
      items: shown.map((f) => ({
        id: f.id,
        title: `${f.trackingNo}　${f.subject}`,
        detail: [names.get(f.unitId), "回访不满意"].filter(Boolean).join(" · "),
        href: "/supervision/sampling?tab=followUps",
        at: f.openedAt,
      })),
    },
  ];
}

async function findingSection(
  scope: Scope,
  now: Date,
  s: Pick<WorkSection, "key" | "title" | "tone" | "href">,
  q: { status: "open" | "rectified"; overdue?: boolean },
): Promise<WorkSection> {
  const page = await listFindings(scope, { ...q, limit: COUNTED }, now);
  const byDue = [...page.items].sort((a, b) => (a.dueBy < b.dueBy ? -1 : 1));
  const shown = byDue.slice(0, SHOWN);
  const names = await namesOf(
    scope,
    shown.map((f) => f.unitId),
  );
  const item = (f: Finding): WorkItem => ({
    id: f.id,
    title: f.text,
    detail: names.get(f.unitId),
    href: `/supervision/inspections?inspection=${encodeURIComponent(f.inspectionId)}`,
    dueBy: f.dueBy,
  });
  return { ...s, count: page.items.length, more: page.nextCursor !== null, items: shown.map(item) };
}

/**
 * Supervision's to-dos: for the bureau (or an office) what is due this month and quarter (last month's
 * round not drawn, units not inspected this quarter, assessment sheets to score), the callbacks left in
 * its latest round, the rectifications to verify and the findings past due; for a unit its follow-ups and
 * findings to rectify.
 */
export const supervisionSections: SectionSource = {
  key: "supervision",
  read: async (scope, now) => {
    const href = "/supervision/inspections?tab=findings";
    const inspector = canSupervise(scope.viewer, scope.unit.path);
    const answerer = canAnswerFor(scope.viewer, scope.unit.path);
    const parts = await Promise.all([
      roundDue(scope, now),
      notInspected(scope, now),
      sheetsToScore(scope, now),
      callbacksDue(scope, now),
      followUpsDue(scope),
      answerer
        ? findingSection(
            scope,
            now,
            { key: "inspections.toRectify", title: "待整改", tone: "warning", href },
            { status: "open" },
          ).then((s) => [s])
        : [],
      inspector
        ? Promise.all([
            findingSection(
              scope,
              now,
              { key: "inspections.toVerify", title: "整改待核验", tone: "info", href },
              { status: "rectified" },
            ),
            findingSection(
              scope,
              now,
              { key: "inspections.overdue", title: "整改逾期", tone: "danger", href },
              { status: "open", overdue: true },
            ),
          ])
        : [],
    ]);
    return parts.flat();
  },
};
