import { describe, expect, it } from "vitest";
import {
  canRecordPublicity,
  canRecordTraining,
  canSendWarning,
  canWriteVolunteer,
  seesVolunteerPersonalData,
} from "./access.ts";
import { capacityCountersOf, capacityFiguresOf, publicityByKindOf } from "./figures.ts";
import { publicityContribution } from "./publicity.ts";
import { rollupChanges } from "./rollup.ts";
import {
  CreateTrainingInput,
  patchedTraining,
  type Training,
  trainingContribution,
  trainingScope,
} from "./trainings.ts";
import { volunteerView } from "./volunteers.ts";
import { audienceOf } from "./warnings.ts";

const paths: Record<string, string> = {
  root: "root",
  office: "root/office",
  station: "root/office/station",
  p1: "root/office/station/p1",
  p2: "root/office/station/p2",
};
const pathOf = (id: string) => paths[id]!;
const training: Training = {
  id: "t1",
  title: "新《投诉举报处理办法》培训",
  format: "lecture",
  heldAt: "2026-11-30T09:00:00.000+08:00",
  organizerUnitId: "station",
  attendeeUnitIds: ["p1", "p2"],
  attendees: [{ name: "李娜", unitId: "p1" }],
  attachments: [],
  createdBy: "u",
  createdByName: "u",
  createdAt: "",
  updatedAt: "",
  version: 1,
};

describe("what a training adds to the figures", () => {
  it("counts the organiser's session and each unit's attendance for the unit and every unit above it", () => {
    const changes = rollupChanges(null, trainingContribution(training, pathOf));
    const at = (unitId: string) => changes.find((c) => c.unitId === unitId)?.counters;
    expect(at("station")).toEqual({ "training.held": 1, "training.trained": 1, "training.attended": 2 });
    expect(at("root")).toEqual({ "training.held": 1, "training.trained": 1, "training.attended": 2 });
    expect(at("p1")).toEqual({ "training.attended": 1 });
    expect(changes.every((c) => c.month === "2026-11")).toBe(true);
  });

  it("moves only the difference when a training is edited, and everything back when it is deleted", () => {
    const moved = patchedTraining(
      training,
      { version: 1, heldAt: "2026-12-01T09:00:00.000+08:00", attendeeUnitIds: ["p1"] },
      [],
      "",
    );
    const changes = rollupChanges(
      trainingContribution(training, pathOf),
      trainingContribution(moved, pathOf),
    );
    expect(changes.find((c) => c.unitId === "p2" && c.month === "2026-11")?.counters).toEqual({
      "training.attended": -1,
    });
    expect(changes.find((c) => c.unitId === "p1" && c.month === "2026-12")?.counters).toEqual({
      "training.attended": 1,
    });
    expect(moved.attendees).toEqual([{ name: "李娜", unitId: "p1" }]);
    const deleted = rollupChanges(trainingContribution(training, pathOf), null);
    expect(deleted.find((c) => c.unitId === "root")?.counters).toEqual({
      "training.held": -1,
      "training.trained": -1,
      "training.attended": -2,
    });
    expect(
      rollupChanges(trainingContribution(training, pathOf), trainingContribution(training, pathOf)),
    ).toEqual([]);
  });

  it("is listed by every unit on the organiser's and the attendees' paths", () => {
    expect(trainingScope(training, pathOf).sort()).toEqual(["office", "p1", "p2", "root", "station"]);
  });

  it("names a person's unit as one of the attending units", () => {
    const r = CreateTrainingInput.safeParse({
      ...training,
      organizerUnitId: "station",
      heldAt: "2026-11-30",
      attendees: [{ name: "王五", unitId: "p9" }],
    });
    expect(r.error?.issues.map((i) => i.path.join("."))).toContain("attendees.0.unitId");
  });
});

describe("what a publicity event adds", () => {
  it("counts the event, its kind, people reached and materials for its unit and above", () => {
    const c = rollupChanges(
      null,
      publicityContribution(
        {
          id: "e",
          unitId: "p1",
          kind: "consultation_stall",
          title: "3·15",
          heldAt: "2026-03-15T09:00:00+08:00",
          peopleReached: 120,
          materials: 300,
          campaign: "consumer_rights_day",
          attachments: [],
          createdBy: "",
          createdByName: "",
          createdAt: "",
          updatedAt: "",
          version: 1,
        },
        pathOf("p1"),
      ),
    );
    expect(c).toHaveLength(4);
    expect(c.find((x) => x.unitId === "office")?.counters).toEqual({
      "publicity.events": 1,
      "publicity.kind.consultation_stall": 1,
      "publicity.people": 120,
      "publicity.materials": 300,
      "publicity.campaign.consumer_rights_day": 1,
    });
  });
});

describe("a warning's audience", () => {
  const units = [
    { id: "root", type: "bureau", path: "root", status: "active" },
    { id: "station", type: "station", path: paths.station!, status: "active" },
    { id: "p1", type: "point", path: paths.p1!, status: "active" },
    { id: "p2", type: "point", path: paths.p2!, status: "planned" },
  ];
  it("is every active unit below the sender by default, or the types / units named", () => {
    expect(audienceOf({}, "root", units).map((u) => u.id)).toEqual(["station", "p1"]);
    expect(audienceOf({ types: ["point"] }, "root", units).map((u) => u.id)).toEqual(["p1"]);
    expect(audienceOf({ unitIds: ["station", "p2"] }, "root", units).map((u) => u.id)).toEqual(["station"]);
  });
});

describe("who may write", () => {
  const v = (role: Parameters<typeof canRecordTraining>[0]["role"], unitPath: string) => ({ role, unitPath });
  it("lets stations record trainings and publicity below themselves, points only their own publicity", () => {
    expect(canRecordTraining(v("station_staff", paths.station!), paths.station!)).toBe(true);
    expect(canRecordTraining(v("point_staff", paths.p1!), paths.p1!)).toBe(false);
    expect(canRecordPublicity(v("point_staff", paths.p1!), paths.p1!)).toBe(true);
    expect(canRecordPublicity(v("point_staff", paths.p1!), paths.p2!)).toBe(false);
    expect(canRecordPublicity(v("governance_viewer", "root"), paths.p1!)).toBe(false);
    expect(canSendWarning(v("station_staff", paths.station!))).toBe(false);
    expect(canSendWarning(v("office_staff", paths.office!))).toBe(true);
  });
  it("keeps volunteers' personal information to the bureau and the unit's own staff", () => {
    expect(canWriteVolunteer(v("point_staff", paths.p1!), paths.p1!)).toBe(true);
    expect(canWriteVolunteer(v("station_staff", paths.station!), paths.p1!)).toBe(false);
    expect(seesVolunteerPersonalData(v("station_staff", paths.station!), paths.p1!)).toBe(false);
    expect(seesVolunteerPersonalData(v("bureau_staff", "root"), paths.p1!)).toBe(true);
    const masked = volunteerView(
      {
        id: "v",
        unitId: "p1",
        name: "张三丰",
        phone: "13812345678",
        joinedAt: "",
        status: "active",
        createdAt: "",
        updatedAt: "",
        version: 1,
      },
      false,
    );
    expect(masked).toMatchObject({ name: "张**", phone: "138****5678", masked: true });
  });
});

describe("capacity figures", () => {
  const counters = {
    received: 9,
    "training.held": 1,
    "training.attended": 3,
    "publicity.events": 2,
    "publicity.kind.lecture": 2,
    "warnings.received": 4,
    "warnings.acked": 1,
  };

  it("reads trainings, publicity and the acknowledgement rate from the rollup counters", () => {
    expect(capacityFiguresOf(counters)).toMatchObject({
      trainingsHeld: 1,
      trainingAttendances: 3,
      publicityEvents: 2,
      warningAckRate: 0.25,
    });
    expect(capacityFiguresOf({}).warningAckRate).toBeNull();
  });

  it("lists every publicity kind, zero where nothing was held", () => {
    const kinds = publicityByKindOf(counters);
    expect(kinds.find((k) => k.kind === "lecture")).toMatchObject({ label: "宣传讲座", events: 2 });
    expect(kinds.filter((k) => k.events === 0).length).toBe(kinds.length - 1);
  });

  it("keeps only its own counters when the rollups are rebuilt from cases", () => {
    expect(Object.keys(capacityCountersOf(counters))).not.toContain("received");
  });
});
