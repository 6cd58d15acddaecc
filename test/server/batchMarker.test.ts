import { describe, expect, it } from "vitest";
import { parseBatchMarker } from "../../party/guard/batchMarker";

describe("chunk markers", () => {
  it("are read from y-partykit's text frames", () => {
    expect(parseBatchMarker('y-pk-batch#{"id":"k1","type":"start","size":2000000,"count":2}')).toEqual({
      id: "k1",
      type: "start",
      size: 2_000_000,
      count: 2,
    });
  });

  it.each([
    "hello",
    "500000000",
    "y-pk-batch#",
    "y-pk-batch#{}",
    'y-pk-batch#{"id":1,"type":"start","size":1,"count":1}',
    'y-pk-batch#{"id":"a","type":"middle","size":1,"count":1}',
    'y-pk-batch#{"id":"a","type":"end","size":"1","count":1}',
    `y-pk-batch#{"id":"${"a".repeat(300)}","type":"end","size":1,"count":1}`,
    'y-pk-batch#{"id":"a","type":"end",',
  ])("are not found in %j", (text) => {
    expect(parseBatchMarker(text)).toBeNull();
  });
});
