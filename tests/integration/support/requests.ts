// Small helpers to talk to the app like the phone's sync engine does.
import type { Hono } from "hono";
import { expect } from "vitest";
import { replyBatchResponse, type ApiError, type ReplyBatchResponse } from "../../../src/shared/api";

export async function postRaw(app: Hono, body: string, contentType = "application/json"): Promise<Response> {
  return app.request("/api/replies", { method: "POST", headers: { "Content-Type": contentType }, body });
}

/** Posts a batch and checks the answer has the exact shape the sync engine parses. */
export async function postBatch(app: Hono, replies: unknown[]): Promise<ReplyBatchResponse> {
  const res = await postRaw(app, JSON.stringify({ replies }));
  if (res.status !== 200) throw new Error(`Expected 200, got ${res.status}: ${await res.text()}`);
  return replyBatchResponse.parse(await res.json());
}

export async function errorOf(res: Response): Promise<ApiError["error"]> {
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return ((await res.json()) as ApiError).error;
}
