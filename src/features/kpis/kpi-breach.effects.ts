import { type MessageKey, resolveLocale, translator } from '../../i18n/catalog.js';
import { changePercent, formatKpiValue, kpiName, statusOf } from '../../modules/kpis/kpi.rules.js';
import type { KpiSnapshot } from '../../modules/kpis/kpi.types.js';
import type { BreachNotice, KpiBreachEffects } from '../../modules/kpis/kpi-breaches.service.js';
import type { KpiPlansRepository } from '../../modules/kpis/kpi-plans.repository.js';
import type { SlackDeps } from '../../slack/deps.js';
import { kpiAlertMessage, kpiRecoveryMessage } from './kpi-alert.view.js';
import { chartLabels } from './kpi-chart.delivery.js';
import { renderKpiChart } from './kpi-chart.renderer.js';
import { ruleText } from './kpi-plan.view.js';

/** The owner department's language (its own, else the workspace's default). */
function languageOf(deps: SlackDeps, notice: BreachNotice) {
  const locale = resolveLocale(notice.kpi.owner.locale ?? null, deps.defaults.locale);
  return { locale, t: translator(locale) };
}

function snapshotOf(notice: BreachNotice): KpiSnapshot {
  const recent = [...notice.recent].sort((a, b) => b.period.localeCompare(a.period));
  const latest = recent[0] ?? null;
  const previous = recent[1] ?? null;
  return {
    kpi: notice.kpi,
    recent,
    latest,
    previous,
    changePercent: changePercent(latest, previous),
    status: statusOf(notice.kpi, latest),
    breachLevel: notice.level,
  };
}

/**
 * What a breach does in Slack and beside it: the alert (with its chart in the thread) and the
 * recovery in the owner department's channel, the escalation, the measures as action items.
 */
export function kpiBreachEffects(
  deps: SlackDeps,
  plans: Pick<KpiPlansRepository, 'departmentsByKeys'>,
): KpiBreachEffects {
  async function channelClient(notice: BreachNotice) {
    const channel = notice.kpi.owner.channelId;
    if (!channel) return null;
    const client = await deps.slackClients.bulkFor(notice.kpi.workspaceId);
    return client ? { client, channel } : null;
  }

  return {
    async postAlert(notice) {
      const target = await channelClient(notice);
      if (!target) {
        deps.logger.warn({ kpi: notice.kpi.key }, 'KPI alert: the owner department has no channel');
        return null;
      }
      const { t, locale } = languageOf(deps, notice);
      const posted = await target.client.chat.postMessage({
        channel: target.channel,
        ...kpiAlertMessage(notice, { t, locale }),
      });
      const ts = posted.ts ?? null;
      // The chart goes into the alert's thread; the alert stands without it.
      try {
        if (ts && notice.recent.length >= 2) {
          const snapshot = snapshotOf(notice);
          const labels = chartLabels(snapshot, t, locale);
          const lines = notice.threshold?.rule.startsWith('absolute')
            ? [{ level: notice.level, value: notice.threshold.value }]
            : [];
          await target.client.filesUploadV2({
            channel_id: target.channel,
            thread_ts: ts,
            file: renderKpiChart(snapshot, labels, lines),
            filename: `kpi-${notice.kpi.key}.png`,
            title: labels.title,
            alt_text: labels.title,
          });
        }
      } catch (error) {
        deps.logger.warn({ err: error, kpi: notice.kpi.key }, 'KPI alert chart could not be sent');
      }
      return ts;
    },

    async postRecovery(notice) {
      const target = await channelClient(notice);
      if (!target) return;
      const { t, locale } = languageOf(deps, notice);
      await target.client.chat.postMessage({
        channel: target.channel,
        ...kpiRecoveryMessage(notice, { t, locale }),
      });
    },

    async raiseEscalation(notice) {
      const counterparts = await plans.departmentsByKeys(
        notice.kpi.workspaceId,
        notice.threshold?.escalateTo ?? [],
      );
      if (counterparts.length === 0) return null;
      const { t, locale } = languageOf(deps, notice);
      const name = kpiName(notice.kpi, locale);
      const levelName = t(`kpis.plan.levelName.${notice.level}` as MessageKey);
      const measures = notice.threshold?.measures.join('; ') || '—';
      const subject = await deps.authorization.subjectOf(notice.raiserPersonId);
      const escalation = await deps.escalations.raise(subject, {
        title: t('kpis.escalation.title', { name, level: notice.level, levelName }).slice(0, 150),
        blocked: t('kpis.escalation.blocked', {
          name,
          value: formatKpiValue(notice.kpi, notice.latest.value, locale),
          period: notice.latest.period,
          rule: notice.threshold ? ruleText(t, notice.kpi, notice.threshold, locale) : '—',
        }),
        impact: t('kpis.escalation.impact', { level: notice.level, levelName, measures }).slice(0, 3000),
        decisionNeeded: t('kpis.escalation.decisionNeeded', { name }),
        options: [],
        severity: notice.severity,
        raiserDepartmentId: notice.kpi.owner.id,
        counterpartDepartmentIds: counterparts.map((d) => d.id),
        originKey: `kpi-breach:${notice.breach.id}:${notice.level}`,
      });
      return escalation.id;
    },

    async createMeasures(notice, tx) {
      const measures = notice.threshold?.measures ?? [];
      await deps.actionItems.createMany(
        measures.map((title) => ({
          workspaceId: notice.kpi.workspaceId,
          title,
          ownerPersonId: notice.ownerPersonId,
          ownerDepartmentId: notice.kpi.owner.id,
          due: { date: notice.dueOn },
          sourceType: 'kpi_alert' as const,
          sourceId: notice.breach.id,
        })),
        { tx },
      );
    },
  };
}
