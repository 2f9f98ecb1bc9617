import { beforeAll, describe, expect, it } from 'vitest';
import { OKR_BLOCKS, OKR_FIELDS } from '../../../src/features/okrs/okrs.ids.js';
import { blockById, textOf } from '../../harness/blocks.js';
import { calendarLiaisonForThisFile } from '../../slack/calendar-test-setup.js';
import { okrDriver, text } from './okr-helpers.js';

// Monday 1 December 2036, 10:00 in Shanghai: the quarter is 2036-Q4.
const { state } = calendarLiaisonForThisFile('2036-12-01T02:00:00Z');
const { openModal, submit } = okrDriver(state);
const db = () => state.db.prisma;

const HEADER = 'objective,level,parent,objective_title,kr,kr_title,kind,owner,start,target,unit,kpi';
const GOOD = [
  HEADER,
  'co-gmv,company,,Grow GMV from live sessions,gmv,Monthly GMV (¥m),metric,U0DEMOCHEN,10,14,,gmv',
  'lo-convert,live-ops,co-gmv,Make live sessions convert,conv,Conversion rate,metric,U0DEMOLIN,2.1,2.6,%,conversion_rate',
  'lo-convert,live-ops,co-gmv,Make live sessions convert,studio,New studio open,milestone,U0DEMOLIN,,,,',
].join('\n');

async function importAs(userId: string, csv: string) {
  const modal = await openModal(userId, 'import');
  const errors = await submit(userId, modal, { [OKR_FIELDS.csv]: text(csv) });
  if (errors) return { errors };
  await state.liaison.slack.waitForCall('chat.postMessage', undefined, 10_000);
  const dm = state.liaison.slack.callsTo('chat.postMessage').at(-1)?.args as
    | { blocks?: unknown[] }
    | undefined;
  return {
    summary: textOf(blockById(dm?.blocks, OKR_BLOCKS.importSummary)),
    rejected: dm?.blocks?.length === 2 ? textOf(blockById(dm?.blocks, OKR_BLOCKS.importRejected)) : '',
  };
}

beforeAll(async () => {
  // Alex (English) imports the whole quarter as a Liaison admin (company and department levels);
  // a Liaison admin is granted in Liaison, so the directory sync does not reset it.
  await db().person.updateMany({ where: { slackUserId: 'U0DEMOALEX' }, data: { isLiaisonAdmin: true } });
});

describe('/okr import', () => {
  it('rejects the whole file when a line is bad, naming each bad line and its reason', async () => {
    const bad = `${GOOD}\nlo-x,nowhere,,T,k,K,metric,U0DEMOLIN,1,2,,\nlo-y,live-ops,,T,k,K,metric,nobody@example.com,1,1,,`;
    const { summary, rejected } = await importAs('U0DEMOALEX', bad);
    expect(summary).toContain('nothing was imported');
    expect(rejected).toContain('line 5: no department “nowhere”');
    expect(rejected).toContain('line 6: no active person “nobody@example.com”');
    expect(await db().okrObjective.count()).toBe(0);
  });

  it('imports a quarter in one go, with KPI-following metrics, and a second import changes nothing', async () => {
    const first = await importAs('U0DEMOALEX', GOOD);
    expect(first.rejected).toBe('');
    expect(first.summary).toContain('created 2 objective(s) and 3 key result(s), updated 0, unchanged 0');
    const department = await db().okrObjective.findFirstOrThrow({
      where: { importKey: 'lo-convert' },
      include: { parent: true, keyResults: { include: { kpi: true } } },
    });
    expect(department.parent?.importKey).toBe('co-gmv');
    expect(department.keyResults.find((k) => k.importKey === 'conv')?.kpi?.key).toBe('conversion_rate');
    const before = await db().okrKeyResult.findMany({ orderBy: { number: 'asc' } });

    const again = await importAs('U0DEMOALEX', GOOD);
    expect(again.summary).toContain('created 0 objective(s) and 0 key result(s), updated 0, unchanged 5');
    expect(await db().okrKeyResult.findMany({ orderBy: { number: 'asc' } })).toEqual(before);
    expect(await db().auditEvent.count({ where: { action: 'okr.imported' } })).toBe(1);
  });

  it('refuses a member’s lines for levels they may not edit, in Chinese for a Chinese reader', async () => {
    const { summary, rejected } = await importAs('U0DEMOZHANG', GOOD);
    expect(summary).toContain('未导入任何内容');
    expect(rejected).toContain('第 2 行');
  });

  it('keeps an unreadable file in the modal with the reason', async () => {
    const { errors } = await importAs('U0DEMOALEX', `${HEADER}\n"unclosed,company`);
    expect(errors).toEqual({ [OKR_FIELDS.csv]: expect.stringContaining('2') });
  });
});
