import { describe, expect, it } from "vitest";
import { sourceNetwork } from "./source.ts";

describe("the source network of an address", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::9", "2001:db8:1:2::/64"],
    ["2001:0DB8:0001:0002:ffff::1", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["64:ff9b::198.51.100.1", "64:ff9b:0:0::/64"],
    ["not an address", "unknown"],
  ])("%s is %s", (ip, network) => {
    expect(sourceNetwork(ip)).toBe(network);
  });

  it("gives every address of one /64 the same source, and the next /64 another", () => {
    const a = sourceNetwork("2408:8207:1:aaaa:1111:2222:3333:4444");
    expect(sourceNetwork("2408:8207:1:aaaa:ffff::")).toBe(a);
    expect(sourceNetwork("2408:8207:1:aaab::1")).not.toBe(a);
  });
});
