import { ulid } from "ulid";

/** A new record id: a lower-case ULID (sortable by creation time, 26 characters). */
export const newId = (): string => ulid().toLowerCase();
