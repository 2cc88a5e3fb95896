import { describe, expect, it } from "vitest";
import { ProvisionerEvent } from "./events.ts";

describe("what the provisioner is invoked with", () => {
  it("takes the weekly conformance check's event (the rule's input) in report mode only", () => {
    expect(ProvisionerEvent.parse({ conformance: { fix: false } })).toEqual({ conformance: { fix: false } });
    // Repairs are made by someone reading the report (pnpm conformance --fix), never by the schedule.
    expect(() => ProvisionerEvent.parse({ conformance: { fix: true } })).toThrow();
  });
});
