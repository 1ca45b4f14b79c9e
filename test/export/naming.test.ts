// Resource names: derived from the Run:ai names, unique across the file, and independent of the
// order the API lists objects in.
import type { ListedObject } from "../../src/export/listing";
import { resourceNames, slug } from "../../src/export/naming";

const object = (type: string, id: string, runaiName: string): ListedObject => ({ type, id, runaiName, inputs: {}, placement: {} });

it("turns a Run:ai name into lowercase words joined by dashes", () => {
  expect(["team-a", "Team A", "ML_engineers", "alice@example.com viewer project 1006", "--", "a..b"].map(slug)).toEqual([
    "team-a",
    "team-a",
    "ml-engineers",
    "alice-example-com-viewer-project-1006",
    "object",
    "a-b",
  ]);
});

it("keeps a name unless it is taken: then the kind, then the start of the id, tell objects apart", () => {
  const objects = [
    object("Department", "101", "research"),
    object("Project", "1001", "research"),
    object("ConfigMapAsset", "aaaaaaaa-1111", "settings"),
    object("ConfigMapAsset", "bbbbbbbb-2222", "settings"),
    object("NfsAsset", "cccc", "data"),
  ];
  const expected = new Map([
    ["Department/101", "research-department"],
    ["Project/1001", "research-project"],
    ["ConfigMapAsset/aaaaaaaa-1111", "settings-config-map-asset-aaaaaaaa"],
    ["ConfigMapAsset/bbbbbbbb-2222", "settings-config-map-asset-bbbbbbbb"],
    ["NfsAsset/cccc", "data"],
  ]);
  expect(resourceNames(objects)).toEqual(expected);
  expect(resourceNames([...objects].reverse())).toEqual(expected);
  expect(new Set(resourceNames(objects).values()).size).toBe(objects.length);
});
