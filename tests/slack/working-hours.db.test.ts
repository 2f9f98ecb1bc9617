import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/slack/ids.js';
import { WORKING_HOURS_BLOCKS } from '../../src/slack/views/working-hours.view.js';
import { blockById, textOf } from '../harness/blocks.js';
import { liaisonForThisFile } from '../harness/liaison-under-test.js';

const file = liaisonForThisFile({ seedDemo: true });

async function reply(userId: string, text: string) {
  const { slack, driver } = file.liaison;
  const before = slack.ephemerals(userId).length;
  await driver.slashCommand({ command: COMMANDS.liaison, text, userId, channelId: 'C0GENERAL' });
  await slack.waitForCall('response_url', () => slack.ephemerals(userId).length > before, 5_000);
  return slack.ephemerals(userId).at(-1);
}

describe('/liaison hours', () => {
  it('shows the default working days and hours in the person’s zone', async () => {
    const shown = await reply('U0DEMOALEX', 'hours');
    expect(textOf(blockById(shown?.blocks, WORKING_HOURS_BLOCKS.summary))).toContain(
      'You work *Mon, Tue, Wed, Thu, Fri*, *09:00–18:00* (America/New_York)',
    );
  });

  it('sets new hours and days, stores them with an audit row, and answers in Chinese', async () => {
    const shown = await reply('U0DEMOLIN', 'hours 10:00-19:30 sun-thu');
    expect(textOf(blockById(shown?.blocks, WORKING_HOURS_BLOCKS.summary))).toContain(
      '从现在起你的工作时间为 *周一、周二、周三、周四、周日*，*10:00–19:30*（Asia/Shanghai）',
    );
    const lin = await file.db.prisma.person.findFirstOrThrow({ where: { slackUserId: 'U0DEMOLIN' } });
    expect(lin).toMatchObject({ workStartMinute: 600, workEndMinute: 1170, workDays: 0b1001111 });
    const audit = await file.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'person.working_hours_changed', objectId: lin.id },
    });
    expect(audit.before).toMatchObject({ workStartMinute: 540, workEndMinute: 1080, workDays: 31 });
    const profile = await file.liaison.deps.calendar.calendars.workingTimeProfileFor(lin.id);
    expect(profile).toMatchObject({ workStartMinute: 600, workEndMinute: 1170 });
  });

  it('refuses hours it cannot read, changing nothing', async () => {
    const shown = await reply('U0DEMOPRIYA', 'hours 18:00-09:00');
    expect(textOf(blockById(shown?.blocks, 'error.message'))).toContain('is not a working time');
    const priya = await file.db.prisma.person.findFirstOrThrow({ where: { slackUserId: 'U0DEMOPRIYA' } });
    expect(priya).toMatchObject({ workStartMinute: 540, workEndMinute: 1080 });
  });
});
