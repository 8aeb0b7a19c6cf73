// Fetches the feedback the organiser published for each campaign on this phone, for reading offline.
// Every invited participant gets it, whether or not they replied.
import { participantFeedback } from "../../shared/feedback";
import { resolvePlatform, type Platform } from "./platform";

export type FeedbackDeps = Partial<Platform>;

export async function refreshFeedback(deps: FeedbackDeps = {}): Promise<void> {
  const { db: database, fetch: doFetch, baseUrl, clock } = resolvePlatform(deps);
  for (const joined of await database.campaigns.toArray()) {
    const code = joined.invitationCode;
    const stored = await database.feedback.get(code);
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}/api/invitations/${encodeURIComponent(code)}/feedback`, {
        headers: { accept: "application/json", ...(stored?.etag ? { "if-none-match": stored.etag } : {}) },
      });
    } catch {
      return; // Offline: what is stored stays readable.
    }
    if (response.status === 304) continue;
    if (response.status === 404) {
      // Unpublished by the organiser (or never published): nothing to show.
      const body = (await response.json().catch(() => undefined)) as { error?: { code?: string } } | undefined;
      if (body?.error?.code === "no_feedback") await database.feedback.delete(code);
      continue;
    }
    if (!response.ok) continue;
    const parsed = participantFeedback.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) continue;
    const etag = response.headers.get("etag") ?? undefined;
    await database.feedback.put({
      invitationCode: code,
      fetchedAt: clock.now().toISOString(),
      feedback: parsed.data,
      ...(etag ? { etag } : {}),
    });
  }
}
