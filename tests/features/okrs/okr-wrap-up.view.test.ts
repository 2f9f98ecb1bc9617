import { describe, expect, it } from 'vitest';
import { wrapUpMessage } from '../../../src/features/okrs/okr-check-in.view.js';
import { OKR_BLOCKS } from '../../../src/features/okrs/okrs.ids.js';
import type { WrapUp } from '../../../src/modules/okrs/okr-check-ins.service.js';
import { blockById, textOf } from '../../harness/blocks.js';

const ana = { personId: 'p1', slackUserId: 'U0ANA', displayName: 'Ana', locale: null };
const bo = { personId: 'p2', slackUserId: 'U0BO', displayName: 'Bo', locale: null };

function wrapUp(nameMissing: boolean): WrapUp {
  return {
    department: {
      id: 'd1',
      key: 'live-ops',
      nameEn: 'Live Ops',
      nameZh: '直播运营',
      slackChannelId: 'C1',
      locale: null,
    },
    cycleOn: '2026-11-30',
    keyResults: [
      {
        id: 'k1',
        number: 1,
        objectiveId: 'o1',
        title: 'Conversion rate',
        kind: 'METRIC',
        unit: '%',
        direction: 'INCREASE',
        startValue: 2.1,
        targetValue: 2.6,
        currentValue: 2.35,
        done: false,
        weight: 1,
        owner: { personId: 'p1', slackUserId: 'U0ANA', displayName: 'Ana' },
        lastConfidence: 'AT_RISK',
        lastConfidenceScore: null,
        kpi: null,
        progress: 0.5,
        checkIn: null,
      },
    ],
    answered: [ana],
    missing: [bo],
    nameMissing,
  };
}

const answeredText = (w: WrapUp, locale: 'en' | 'zh-CN') =>
  textOf(blockById(wrapUpMessage(w, locale).blocks, OKR_BLOCKS.wrapUpAnswered));

describe('the wrap-up names who is missing only when the department turns it on', () => {
  it('counts but does not name them by default, in both languages', () => {
    expect(answeredText(wrapUp(false), 'en')).toContain('1 of 2');
    expect(answeredText(wrapUp(false), 'en')).not.toContain('U0BO');
    expect(answeredText(wrapUp(false), 'zh-CN')).not.toContain('U0BO');
  });

  it('names them when the department asks for it, in both languages', () => {
    expect(answeredText(wrapUp(true), 'en')).toContain('Still missing: <@U0BO>.');
    expect(answeredText(wrapUp(true), 'zh-CN')).toContain('<@U0BO>');
    expect(answeredText(wrapUp(true), 'en')).not.toContain('U0ANA');
  });
});
