import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBank, type Bank, type BankItem } from "@/lib/content/bank";
import { familyOf } from "@/lib/content/generate/formats";
import { seedBank } from "@/lib/content/seed-bank";
import {
  approvalReport,
  approvalsFile,
  approvalStatus,
  NO_APPROVALS,
  readApprovals,
  reviewState,
  servedBank,
  serialiseApprovals,
  withApproved,
  writeApprovals,
} from "@/lib/editor/approval";
import { approveItems } from "@/lib/editor/approve-items";
import { servingPolicyFrom } from "@/lib/editor/serving-policy";
import { dailyQuiz } from "@/lib/practice/quiz";
import { ConflictError } from "@/lib/errors";
import { createUser } from "../helpers/factories";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "../helpers/test-database";

const NOW = new Date("2026-11-20T10:00:00Z");
const bank = loadBank();

function temporaryContentRoot(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "smriti-approvals-"));
}

/** The item as a rebuild that reworded its explanation would make it: same family, new content. */
function reworded(item: BankItem): BankItem {
  return { ...item, explanation: `${item.explanation} (reworded)` };
}

describe("the approvals file", () => {
  it("round-trips: what is written is read back, and writing it again changes no byte", () => {
    const root = temporaryContentRoot();
    expect(readApprovals(root)).toEqual(NO_APPROVALS);
    const approvals = withApproved(NO_APPROVALS, bank.items.slice(0, 3), "editor@example.in", "2026-11-20");
    writeApprovals(root, approvals);
    const text = fs.readFileSync(approvalsFile(root), "utf8");
    expect(readApprovals(root)).toEqual(approvals);
    writeApprovals(root, readApprovals(root));
    expect(fs.readFileSync(approvalsFile(root), "utf8")).toBe(text);
    expect(fs.readdirSync(root)).toEqual(["approvals.json"]);
  });

  it("lists families in order whatever order they were approved in, so approving is a small diff", () => {
    const [a, b] = [...bank.items.slice(0, 2)].sort((x, y) => familyOf(x.id).localeCompare(familyOf(y.id)));
    const forwards = serialiseApprovals(withApproved(withApproved(NO_APPROVALS, [a!], "e", "2026-11-20"), [b!], "e", "2026-11-20"));
    const backwards = serialiseApprovals(withApproved(withApproved(NO_APPROVALS, [b!], "e", "2026-11-20"), [a!], "e", "2026-11-20"));
    expect(forwards).toBe(backwards);
    expect(forwards.indexOf(JSON.stringify(familyOf(a!.id)))).toBeLessThan(forwards.indexOf(JSON.stringify(familyOf(b!.id))));
  });

  it("refuses a file that is not an approvals file, naming it", () => {
    const root = temporaryContentRoot();
    fs.writeFileSync(approvalsFile(root), JSON.stringify({ version: 1, approved: { "mcq:x": { hash: 3 } } }));
    expect(() => readApprovals(root)).toThrow(/approvals\.json is not a valid approvals file: approved\.mcq:x/);
  });

  it("tells approved, new and changed items apart, and keeps the approved version of a changed one", () => {
    const [kept, changing, fresh] = bank.items;
    const approvals = withApproved(NO_APPROVALS, [kept!, changing!], "editor@example.in", "2026-11-20");
    const rebuilt = [kept!, reworded(changing!), fresh!];
    expect(rebuilt.map((item) => approvalStatus(item, approvals))).toEqual(["approved", "changed", "new"]);
    const state = reviewState(rebuilt, approvals);
    expect(state.approved).toBe(1);
    expect(state.added.map((item) => item.id)).toEqual([fresh!.id]);
    expect(state.changed).toHaveLength(1);
    expect(state.changed[0]!.approved).toMatchObject({ itemId: changing!.id, explanation: changing!.explanation, approvedBy: "editor@example.in" });
    expect(state.changed[0]!.item.explanation).toBe(`${changing!.explanation} (reworded)`);
    expect(state.changed[0]!.differs).toEqual(["explanation"]);
    const recited = { ...changing!, sources: [] };
    expect(reviewState([recited], approvals).changed[0]!.differs).toEqual(["sources, topic or subjects"]);
    expect(reviewState([fresh!], approvals).gone.sort()).toEqual([familyOf(kept!.id), familyOf(changing!.id)].sort());
  });

  it("gives content:build a summary of what awaits approval", () => {
    const approvals = withApproved(NO_APPROVALS, [bank.items[0]!], "e", "2026-11-20");
    const lines = approvalReport([reworded(bank.items[0]!), bank.items[1]!], approvals);
    expect(lines[0]).toBe("Approval: 0 approved, 1 new and 1 changed since approval (review them at /editor/approvals)");
    expect(lines).toContain(`  ${bank.items[1]!.id}`);
    expect(lines).toContain(`  ${bank.items[0]!.id} -> ${bank.items[0]!.id}`);
  });

  it("reads the serving setting: every item by default, only approved ones with SERVE_UNAPPROVED_ITEMS=false", () => {
    expect(servingPolicyFrom({})).toBe("all-items");
    expect(servingPolicyFrom({ SERVE_UNAPPROVED_ITEMS: "true" })).toBe("all-items");
    expect(servingPolicyFrom({ SERVE_UNAPPROVED_ITEMS: "FALSE" })).toBe("approved-only");
    expect(() => servingPolicyFrom({ SERVE_UNAPPROVED_ITEMS: "no" })).toThrow('SERVE_UNAPPROVED_ITEMS must be "true" or "false" (not "no")');
  });
});

describeEachDatabase("serving unapproved items", (provider) => {
  let database: TestDatabase;
  // A small bank of quiz items, so that a daily quiz takes every item it may.
  const small: Bank = { ...bank, items: bank.items.filter((item) => item.type === "mcq").slice(0, 6) };
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await database?.drop();
  });

  const live = async () =>
    (await database.db.bankItem.findMany({ where: { retiredAt: null }, select: { id: true }, orderBy: { id: "asc" } })).map((item) => item.id);

  it("serves every item by default, only approved ones when the setting says so, and an approval serves its item at once", async () => {
    const root = temporaryContentRoot();
    const [first, second] = small.items;
    writeApprovals(root, withApproved(NO_APPROVALS, [first!], "e@example.in", "2026-11-20"));

    await seedBank(database.db, servedBank(small, readApprovals(root), servingPolicyFrom({})), NOW);
    expect(await live()).toEqual(small.items.map((item) => item.id).sort());

    await seedBank(database.db, servedBank(small, readApprovals(root), servingPolicyFrom({ SERVE_UNAPPROVED_ITEMS: "false" })), NOW);
    expect(await live()).toEqual([first!.id]);
    const learner = await createUser(database.db, { dailyQuizSize: 10 });
    const quiz = await dailyQuiz(database.db, learner.id, NOW);
    expect(quiz.questions.map((question) => question.prompt)).toEqual([first!.prompt]);

    const editor = await createUser(database.db);
    const reply = await approveItems(database.db, {
      contentRoot: root,
      bank: small,
      itemIds: [second!.id],
      editorId: editor.id,
      now: NOW,
      policy: "approved-only",
      editsAllowed: true,
    });
    expect(reply).toEqual({ approved: 1, pending: small.items.length - 2 });
    expect(await live()).toEqual([first!.id, second!.id].sort());
    expect(readApprovals(root).approved[familyOf(second!.id)]).toMatchObject({ itemId: second!.id, approvedBy: editor.email, approvedOn: "2026-11-20" });
  });

  it("refuses to approve where content is read-only, and leaves the file as it was", async () => {
    const root = temporaryContentRoot();
    const editor = await createUser(database.db);
    const approve = approveItems(database.db, {
      contentRoot: root,
      bank: small,
      itemIds: [small.items[0]!.id],
      editorId: editor.id,
      now: NOW,
      policy: "all-items",
      editsAllowed: false,
    });
    await expect(approve).rejects.toBeInstanceOf(ConflictError);
    expect(fs.existsSync(approvalsFile(root))).toBe(false);
  });
});
