// Limits count per source: one IPv4 address, or one IPv6 /64 (what a single subscriber usually holds).
import { describe, expect, it } from "vitest";
import { sourceOfAddress } from "../../src/server/http/clientAddress";

describe("the source a limit counts against", () => {
  it("is the IPv4 address itself, also when written as IPv4-mapped IPv6", () => {
    expect(sourceOfAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(sourceOfAddress("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("is the /64 for IPv6, so hopping between addresses of one network does not reset the count", () => {
    expect(sourceOfAddress("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(sourceOfAddress("2001:0DB8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(sourceOfAddress("2001:db8::5")).toBe("2001:db8:0:0::/64");
    expect(sourceOfAddress("2001:db8:1:3::1")).not.toBe(sourceOfAddress("2001:db8:1:2::1"));
  });

  it("keeps anything that is not an address as it is", () => {
    expect(sourceOfAddress("unknown")).toBe("unknown");
  });
});
