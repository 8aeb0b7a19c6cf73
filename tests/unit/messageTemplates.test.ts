// E-mail templates: placeholders filled per participant, the signature under the body, and what a template may not be.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_TEMPLATES,
  messageTemplate,
  renderMessage,
  templateProblems,
  type MessageTemplate,
} from "../../src/shared/messageTemplates";

const VALUES = {
  name: "Sela Taufa",
  workshop: "Revised Kyoto Convention",
  link: "https://outrigger.example.org/join/7K3Q-F9AB-CD12-TO",
  code: "7K3Q-F9AB-CD12-TO",
  due_date: "20 December 2026",
};

describe("e-mail templates", () => {
  it("fill every placeholder, in subject, body and signature, and put the signature under the body", () => {
    const template: MessageTemplate = {
      subject: "{workshop} — {name}",
      body: "Dear {name},\nReply by {due_date}: {link} ({code})\n\n\n",
      signature: "  For {workshop}\n",
      replyTo: null,
      cc: [],
    };
    expect(renderMessage(template, VALUES)).toEqual({
      subject: "Revised Kyoto Convention — Sela Taufa",
      body: `Dear Sela Taufa,\nReply by 20 December 2026: ${VALUES.link} (${VALUES.code})\n\nFor Revised Kyoto Convention`,
    });
  });

  it("leave out the blank line when there is no signature", () => {
    const { body } = renderMessage({ ...DEFAULT_TEMPLATES.reminder, signature: "  " }, VALUES);
    expect(body.endsWith("works offline once opened.")).toBe(true);
  });

  it("name an unknown placeholder and the field it is in, and insist on the link", () => {
    const problems = templateProblems({
      ...DEFAULT_TEMPLATES.invitation,
      subject: "Hello {firstname}",
      body: "No link here, {name}.",
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^The subject uses \{firstname\}, which is not a placeholder/);
    expect(problems[1]).toMatch(/must contain \{link\}/);
  });

  it("find nothing wrong with the defaults, which carry the link, code and due date", () => {
    for (const template of Object.values(DEFAULT_TEMPLATES)) {
      expect(templateProblems(template)).toEqual([]);
      const { body } = renderMessage(template, VALUES);
      for (const value of [VALUES.link, VALUES.code, VALUES.due_date, VALUES.name]) expect(body).toContain(value);
    }
  });

  it("refuse an empty subject, a bad Reply-To and more than ten copies, by field", () => {
    const bad = messageTemplate.safeParse({
      ...DEFAULT_TEMPLATES.invitation,
      subject: "   ",
      replyTo: "office",
      cc: Array.from({ length: 11 }, (_, i) => `cc${i}@example.org`),
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["subject", "replyTo", "cc"]);
  });
});
