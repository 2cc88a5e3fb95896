import type { CaseKind, Channel, CreateCaseInput, Nature, RequestType } from "@weiquan/domain/cases/schema";
import type { Dayjs } from "dayjs";
import type { KeyboardEvent } from "react";
import { blank } from "../../network/forms.ts";
import { yuanToFen } from "../format.ts";

export interface IntakeValues {
  kind: CaseKind;
  channel: Channel;
  unitId?: string;
  consumer: { name?: string; phone?: string; address?: string; idNumber?: string };
  business: { name?: string; address?: string; creditCode?: string };
  category?: string;
  nature?: Nature;
  subject?: string;
  description?: string;
  requestTypes?: RequestType[];
  request?: string;
  consents?: ("publish" | "mediation")[];
  amountYuan?: number | null;
  occurredAt?: Dayjs | null;
  attachmentIds?: string[];
}

/** What the intake desk records; online cases come through the public page. */
export const intakeChannels: Channel[] = ["walk_in", "phone", "letter", "transfer_12315", "other"];

/** The form's values as the API's create body: empty fields omitted, yuan in fen, the day in Shanghai. */
export function bodyOf(v: IntakeValues): CreateCaseInput {
  const consumer = {
    name: blank(v.consumer?.name),
    phone: blank(v.consumer?.phone),
    address: blank(v.consumer?.address),
    idNumber: blank(v.consumer?.idNumber),
  };
  const business = {
    name: blank(v.business?.name),
    address: blank(v.business?.address),
    creditCode: blank(v.business?.creditCode),
  };
  const some = (o: Record<string, unknown>) => Object.values(o).some((x) => x !== undefined);
  return {
    kind: v.kind,
    channel: v.channel,
    unitId: v.unitId,
    consumer: some(consumer) ? consumer : undefined,
    business: some(business) ? business : undefined,
    category: v.category ?? "",
    nature: v.nature,
    subject: v.subject?.trim() ?? "",
    description: v.description?.trim() ?? "",
    request: blank(v.request),
    requestTypes: v.requestTypes?.length ? v.requestTypes : undefined,
    attachmentIds: v.attachmentIds?.length ? v.attachmentIds : undefined,
    consents:
      v.kind === "complaint"
        ? {
            publish: Boolean(v.consents?.includes("publish")),
            mediation: Boolean(v.consents?.includes("mediation")),
          }
        : undefined,
    amountFen: typeof v.amountYuan === "number" ? yuanToFen(v.amountYuan) : undefined,
    occurredAt: v.occurredAt ? `${v.occurredAt.format("YYYY-MM-DD")}T00:00:00+08:00` : undefined,
  };
}

/**
 * Enter moves to the next field, as on a paper form filled at the counter; it stays a newline in the
 * facts, and picks an option in an open list. Ctrl+Enter (or ⌘+Enter) saves from anywhere.
 */
export function keyboardFlow(e: KeyboardEvent<HTMLFormElement>, submit: () => void) {
  if (e.key !== "Enter" || e.nativeEvent.isComposing) return;
  if (e.ctrlKey || e.metaKey) {
    e.preventDefault();
    submit();
    return;
  }
  const target = e.target as HTMLElement;
  if (target.tagName === "TEXTAREA" || target.tagName === "BUTTON") return;
  if (target.getAttribute("aria-expanded") === "true") return;
  const focusables = [
    ...e.currentTarget.querySelectorAll<HTMLElement>(
      "input:not([type=hidden]):not([disabled]), textarea:not([disabled]), button[type=submit]",
    ),
  ].filter((el) => el.offsetParent !== null && el.tabIndex >= 0);
  const here = focusables.indexOf(target);
  if (here < 0) return;
  const radioName = target instanceof HTMLInputElement && target.type === "radio" ? target.name : null;
  const next = focusables
    .slice(here + 1)
    .find((el) => !(radioName && el instanceof HTMLInputElement && el.name === radioName));
  if (!next) return;
  e.preventDefault();
  next.focus();
}
