import { describe, expect, it } from "vitest";
import { isAccessKeys, keysSharedBy, newAccessKeys, roleOfKey } from "../../party/access/accessKeys";
import { requestKey } from "../../party/access/requestKey";
import { stampRole } from "../../party/access/stampRole";
import { awarenessStateProblem } from "../../party/shared/awarenessState";

const CURSOR = { anchor: { tname: "default" }, head: { tname: "default" } };

describe("access keys", () => {
  it("are three independent 128-bit tokens", () => {
    const keys = newAccessKeys();
    expect(Object.values(keys).every((key) => /^[A-Za-z0-9_-]{22}$/.test(key))).toBe(true);
    expect(new Set(Object.values(keys)).size).toBe(3);
    expect(isAccessKeys(keys)).toBe(true);
  });

  it("open exactly their own role, and nothing for a key that is close to one", () => {
    const keys = newAccessKeys();
    expect(roleOfKey(keys, keys.edit)).toBe("edit");
    expect(roleOfKey(keys, keys.comment)).toBe("comment");
    expect(roleOfKey(keys, keys.view)).toBe("view");
    for (const near of ["", keys.view.slice(1), `${keys.view}x`, ` ${keys.view}`]) {
      expect(roleOfKey(keys, near)).toBeNull();
    }
  });

  it("are handed on only downwards", () => {
    const keys = newAccessKeys();
    expect(keysSharedBy(keys, "edit")).toEqual(keys);
    expect(keysSharedBy(keys, "comment")).toEqual({ comment: keys.comment, view: keys.view });
    expect(keysSharedBy(keys, "view")).toEqual({ view: keys.view });
  });

  it.each([
    null,
    "x",
    [],
    {},
    { edit: "a", comment: "b" },
    { edit: "a", comment: "b", view: "" },
    { edit: 1, comment: "b", view: "c" },
  ])("refuse %j as stored keys", (stored) => expect(isAccessKeys(stored)).toBe(false));
});

describe("the key of a request", () => {
  const at = (url: string, headers: Record<string, string> = {}) => requestKey({ url, headers: new Headers(headers) });

  it("comes from the Authorization header first, else from ?key=", () => {
    expect(at("http://x/d?key=query")).toBe("query");
    expect(at("http://x/d?key=query", { Authorization: "Bearer header" })).toBe("header");
    expect(at("http://x/d", { Authorization: "bearer  spaced " })).toBe("spaced");
    expect(at("http://x/d")).toBeNull();
  });

  it("reads a Bearer header with a malformed token as a wrong key, never as none", () => {
    expect(at("http://x/d?key=query", { Authorization: "Bearer" })).toBe("");
    expect(at("http://x/d", { Authorization: "Bearer key x" })).toBe("key x");
  });

  it("ignores an Authorization header of another scheme, such as a proxy's Basic auth", () => {
    expect(at("http://x/d?key=query", { Authorization: "Basic dXNlcjpwYXNz" })).toBe("query");
    expect(at("http://x/d", { Authorization: "Basic dXNlcjpwYXNz" })).toBeNull();
  });
});

describe("stamping a role on awareness", () => {
  it("replaces whatever role the client claimed, and keeps an editor's or commenter's caret", () => {
    const json = JSON.stringify({ user: { name: "Ann", color: "#123456" }, role: "edit", cursor: CURSOR });
    expect(JSON.parse(stampRole(json, "comment"))).toEqual({
      user: { name: "Ann", color: "#123456" },
      role: "comment",
      cursor: CURSOR,
    });
    expect(JSON.parse(stampRole(json, "edit"))).toMatchObject({ role: "edit", cursor: CURSOR });
  });

  it("takes a viewer's caret away", () => {
    const json = JSON.stringify({ user: { name: "Vic", color: "#123456" }, cursor: CURSOR });
    expect(JSON.parse(stampRole(json, "view"))).toEqual({ user: { name: "Vic", color: "#123456" }, role: "view" });
  });

  it.each(["null", "not json", "[1]", '"text"'])("leaves %s for the shape check", (json) => {
    expect(stampRole(json, "view")).toBe(json);
  });

  it("gives a state the shape check accepts, and a made-up role is refused", () => {
    expect(awarenessStateProblem(stampRole("{}", "view"))).toBeNull();
    expect(awarenessStateProblem(JSON.stringify({ role: "owner" }))).toMatch(/role/);
  });
});
