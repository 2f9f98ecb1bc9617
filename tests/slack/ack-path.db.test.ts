import { describe, expect, it } from 'vitest';
import type { StatementEvent } from '../../src/db/statement-observer.js';
import { BLOCKS, COMMANDS } from '../../src/slack/ids.js';
import { AUDIT_BLOCKS } from '../../src/slack/views/audit.view.js';
import { blockById, textOf, textOfAll } from '../harness/blocks.js';
import { answeredInAck } from '../harness/fake-slack.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

/**
 * Issue 16: on a warm cache a slash command costs no database round trip, before its ack or
 * after it — on the embedded database every query is CPU on the thread that acknowledges the
 * next request. Roles are remembered, and forgotten the moment a write may change them.
 */

const file = liaisonForThisFile({ seedDemo: true });
const slack = () => file.liaison.slack;
const prisma = () => file.db.prisma;
const authorization = () => file.liaison.deps.authorization;

/** The SQL Prisma sends while `work` runs. */
async function statementsDuring<T>(work: () => Promise<T>): Promise<{ sql: string[]; result: T }> {
  const sql: string[] = [];
  const stop = file.db.statements.observe((event: StatementEvent) => {
    if (event.type === 'statement') sql.push(event.sql);
  });
  try {
    return { sql, result: await work() };
  } finally {
    stop();
  }
}

async function liaison(userId: string, text: string) {
  slack().reset();
  const sent = await file.liaison.driver.slashCommand({
    command: COMMANDS.liaison,
    text,
    userId,
    channelId: 'C0GENERAL',
  });
  // Help for a remembered person comes inside the ack; everything else through the response_url.
  if (!answeredInAck(sent)) await slack().waitForCall('response_url', undefined, 15_000);
  const reply = slack().ephemerals(userId, 'C0GENERAL').at(-1);
  if (!reply) throw new Error(`no reply to /liaison ${text}`);
  return { sent, reply };
}

/** The audit log's title, or the refusal shown instead. */
const auditOrRefusal = async (userId: string) => {
  const { reply } = await liaison(userId, 'audit');
  const ids = (reply.blocks ?? []).map((block) => (block as { block_id?: string }).block_id);
  return textOf(
    blockById(reply.blocks, ids.includes(AUDIT_BLOCKS.header) ? AUDIT_BLOCKS.header : BLOCKS.error.message),
  );
};

describe('acknowledging with a warm cache', () => {
  it('answers /liaison help from memory: no query before the ack, none after it', async () => {
    await liaison('U0DEMOALEX', 'help'); // warms the workspace, the person and their roles

    const seen: string[] = [];
    let atAck: number | undefined;
    const { sql, result } = await statementsDuring(async () => {
      slack().reset();
      const stop = file.db.statements.observe((event) => {
        if (event.type === 'statement') seen.push(event.sql);
      });
      const sent = await file.liaison.driver.slashCommand({
        command: COMMANDS.liaison,
        text: 'help',
        userId: 'U0DEMOALEX',
        channelId: 'C0GENERAL',
      });
      atAck = seen.length;
      stop();
      return sent;
    });
    expect(result.status).toBe(200);
    expect(atAck).toBe(0);
    expect(sql).toEqual([]);
    // The answer was the ack itself: nothing was posted to the response_url.
    expect(answeredInAck(result)).toBe(true);
    expect(slack().callsTo('response_url')).toEqual([]);
    const reply = slack().ephemerals('U0DEMOALEX', 'C0GENERAL').at(-1);
    expect(reply?.source).toBe('command_ack');
    expect(textOfAll(reply?.blocks, BLOCKS.help.commands)).toContain('/liaison help');
  });

  it('sends that answer as JSON serialised once: the same bytes each time, in ASCII, the same message', async () => {
    const ack = async () => {
      const sent = await file.liaison.driver.slashCommand({
        command: COMMANDS.liaison,
        text: 'help',
        userId: 'U0DEMOZHANG', // zh-CN: the answer is full of characters beyond ASCII
        channelId: 'C0GENERAL',
      });
      expect(sent.status).toBe(200);
      // Slack reads an acknowledgement's body as a message only when it says it is JSON.
      expect(sent.headers['content-type']).toBe('application/json');
      return sent;
    };
    await liaison('U0DEMOZHANG', 'help'); // warms the person
    const first = await ack();
    const second = await ack();
    expect(second.body).toBe(first.body);
    expect(/^[\x20-\x7e]*$/.test(first.body)).toBe(true);
    const message = JSON.parse(first.body) as { response_type: string; blocks: unknown[] };
    expect(message.response_type).toBe('ephemeral');
    expect(textOfAll(message.blocks, BLOCKS.help.commands)).toContain('/liaison help');
    expect(JSON.stringify(message)).toContain('简体中文');
  });

  it('reads roles once per person, not once per request', async () => {
    await liaison('U0DEMOPRIYA', 'help');
    const { sql } = await statementsDuring(async () => {
      for (let i = 0; i < 3; i += 1) await liaison('U0DEMOPRIYA', 'help');
    });
    expect(sql).toEqual([]);
  });
});

describe('remembered roles follow every change at once', () => {
  it('honours an admin right the moment it is granted, and refuses the moment it is taken back', async () => {
    expect(await auditOrRefusal('U0DEMOSAM')).toContain('Only Liaison admins'); // remembered: not an admin
    await liaison('U0DEMOLIN', 'admins add <@U0DEMOSAM|sam>');
    expect(await auditOrRefusal('U0DEMOSAM')).toContain('Audit log');
    await liaison('U0DEMOLIN', 'admins remove <@U0DEMOSAM|sam>');
    expect(await auditOrRefusal('U0DEMOSAM')).toContain('Only Liaison admins');
  });

  it('sees a role changed by any write: a Prisma update, raw SQL, an archived department', async () => {
    const zhang = await prisma().person.findFirstOrThrow({ where: { slackUserId: 'U0DEMOZHANG' } });
    const roles = async () =>
      (await authorization().subjectOf(zhang.id)).memberships.map((m) => m.role).sort();
    const isAdmin = async () => (await authorization().subjectOf(zhang.id)).isAdmin;
    expect(await roles()).toEqual(['LEAD', 'MEMBER']);

    await prisma().membership.updateMany({
      where: { personId: zhang.id, role: 'MEMBER' },
      data: { role: 'HEAD' },
    });
    expect(await roles()).toEqual(['HEAD', 'LEAD']);

    expect(await isAdmin()).toBe(false);
    await prisma().$executeRaw`UPDATE "Person" SET "isWorkspaceAdmin" = true WHERE "id" = ${zhang.id}`;
    expect(await isAdmin()).toBe(true);
    await prisma().$executeRaw`UPDATE "Person" SET "isWorkspaceAdmin" = false WHERE "id" = ${zhang.id}`;
    expect(await isAdmin()).toBe(false);

    const logistics = await prisma().membership.findFirstOrThrow({
      where: { personId: zhang.id, role: 'HEAD' },
      select: { departmentId: true },
    });
    await prisma().department.update({
      where: { id: logistics.departmentId },
      data: { archivedAt: new Date() },
    });
    expect(await roles()).toEqual(['LEAD']);
    await prisma().department.update({ where: { id: logistics.departmentId }, data: { archivedAt: null } });
    expect(await roles()).toEqual(['HEAD', 'LEAD']);
  });

  it('keeps nothing read beside a transaction that changes roles until it has committed', async () => {
    const chen = await prisma().person.findFirstOrThrow({ where: { slackUserId: 'U0DEMOCHEN' } });
    const roles = async () =>
      (await authorization().subjectOf(chen.id)).memberships.map((m) => m.role).sort();
    expect(await roles()).toEqual(['EXECUTIVE']);
    let beside: Promise<string[]> | undefined;
    await prisma().$transaction(async (tx) => {
      await tx.membership.updateMany({ where: { personId: chen.id }, data: { role: 'MEMBER' } });
      // Not awaited: PGlite's one connection is this transaction's until it ends; on
      // PostgreSQL this read runs now and sees the roles before the commit.
      beside = roles();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    await beside;
    expect(await roles()).toEqual(['MEMBER']);
  });
});
