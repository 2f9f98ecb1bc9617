import type { MessageKey, MessageParams } from '../../i18n/catalog.js';
import type { Actor } from '../access/access.types.js';
import type { Authorization } from '../access/authorization.service.js';
import type { SlackProfile } from '../people/person.types.js';
import { parseCsv } from '../shared/csv.parser.js';
import type { DepartmentsRepository, KnownPerson } from './departments.repository.js';
import { isDepartmentLocale, NAME_MAX, relanguagedDepartmentIds, slugify } from './departments.rules.js';
import type {
  DepartmentDirectory,
  DepartmentLanguageListener,
  DepartmentPlan,
  DepartmentWithMembers,
  MembershipChangeListener,
  MembershipOp,
} from './departments.types.js';

/** Slack's plain_text_input holds 3,000 characters; this bounds a paste from elsewhere too. */
export const IMPORT_MAX_ROWS = 500;
export const IMPORT_COLUMNS = ['department', 'lead_email', 'member_email'] as const;
/** Optional: the language of the department's channel (`en` or `zh-CN`); empty leaves it as it is. */
export const IMPORT_LANGUAGE_COLUMN = 'language';
/** users.lookupByEmail is Tier 3 (50+/min): a few at a time is plenty for one paste. */
const LOOKUP_CONCURRENCY = 4;
const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

export interface ImportProblem {
  /** The row as a spreadsheet numbers it (the header is row 1). */
  row: number;
  message: { key: MessageKey; params?: MessageParams };
}

export interface ImportSummary {
  /** Data rows read. */
  rows: number;
  createdDepartments: { key: string; nameEn: string; nameZh: string }[];
  membersAdded: number;
  leadsAdded: number;
  promotedToLead: number;
  /** People already in the department in that role (or a higher one): left as they were. */
  unchanged: number;
  /** People Liaison had not met before, found in Slack by email. */
  peopleAdded: number;
  /** Departments whose channel language the `language` column set or changed. */
  languagesSet: number;
}

export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; problems: ImportProblem[] };

interface Row {
  line: number;
  department: string;
  leadEmail: string;
  memberEmail: string;
  /** '' when the column is absent or the cell empty. */
  language: string;
}

function problem(row: number, key: MessageKey, params?: MessageParams): ImportProblem {
  return params ? { row, message: { key, params } } : { row, message: { key } };
}

/** Reads the header and rows; problems with the shape of the file come back instead. */
function readRows(csv: string): { rows: Row[] } | { problems: ImportProblem[] } {
  const parsed = parseCsv(csv);
  if (!parsed.ok) return { problems: [problem(parsed.line, 'departments.import.problems.unclosedQuote')] };
  const [header, ...data] = parsed.rows;
  const columns = header?.fields.map((field) => field.trim().toLowerCase());
  const at = (name: string) => columns?.indexOf(name) ?? -1;
  if (!header || IMPORT_COLUMNS.some((name) => at(name) < 0))
    return {
      problems: [
        problem(header?.line ?? 1, 'departments.import.problems.header', {
          columns: IMPORT_COLUMNS.join(','),
        }),
      ],
    };
  if (data.length === 0) return { problems: [problem(header.line, 'departments.import.problems.noRows')] };
  if (data.length > IMPORT_MAX_ROWS)
    return {
      problems: [
        problem(data[IMPORT_MAX_ROWS]?.line ?? header.line, 'departments.import.problems.tooManyRows', {
          max: IMPORT_MAX_ROWS,
        }),
      ],
    };
  const cell = (fields: string[], name: string) => (fields[at(name)] ?? '').trim();
  return {
    rows: data.map(({ line, fields }) => ({
      line,
      department: cell(fields, 'department'),
      leadEmail: cell(fields, 'lead_email').toLowerCase(),
      memberEmail: cell(fields, 'member_email').toLowerCase(),
      language: at(IMPORT_LANGUAGE_COLUMN) < 0 ? '' : cell(fields, IMPORT_LANGUAGE_COLUMN),
    })),
  };
}

/** `en`, `zh-CN` whatever their case; null for anything else. */
function languageOf(text: string): string | null {
  const [language, region] = text.split('-');
  const canonical =
    region === undefined ? language?.toLowerCase() : `${language?.toLowerCase()}-${region.toUpperCase()}`;
  return canonical && isDepartmentLocale(canonical) ? canonical : null;
}

/** Each department text → the language its rows give (one per department), or problems. */
function readLanguages(rows: Row[], problems: ImportProblem[]): Map<string, string> {
  const languages = new Map<string, string>();
  for (const row of rows) {
    if (!row.language || !row.department) continue;
    const language = languageOf(row.language);
    const folded = row.department.toLowerCase();
    const earlier = languages.get(folded);
    if (!language)
      problems.push(problem(row.line, 'departments.import.problems.badLanguage', { language: row.language }));
    else if (earlier && earlier !== language)
      problems.push(
        problem(row.line, 'departments.import.problems.languageConflict', { department: row.department }),
      );
    else languages.set(folded, language);
  }
  return languages;
}

/** `work` over the items, at most `limit` at a time, results in input order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A department row's target: an existing department, or one the import creates. */
type Target = { existing: DepartmentWithMembers } | { create: { key: string; name: string } };

export function createDepartmentImport(deps: {
  repo: DepartmentsRepository;
  authorization: Authorization;
  memberships: MembershipChangeListener;
  /** Told whose channel language the import changed (their open escalation cards). */
  onLanguageChanged?: DepartmentLanguageListener;
}) {
  const { repo, authorization } = deps;

  /** Each distinct department text → where its rows go, or a problem. */
  function resolveDepartments(rows: Row[], departments: DepartmentWithMembers[], problems: ImportProblem[]) {
    const byText = new Map<string, DepartmentWithMembers>();
    for (const d of departments)
      for (const text of [d.key, d.nameEn, d.nameZh]) {
        const folded = text.trim().toLowerCase();
        if (!byText.has(folded)) byText.set(folded, d);
      }
    const byKey = new Map(departments.map((d) => [d.key, d]));
    const targets = new Map<string, Target>();
    for (const row of rows) {
      const folded = row.department.toLowerCase();
      if (!row.department) {
        problems.push(problem(row.line, 'departments.import.problems.departmentMissing'));
        continue;
      }
      if (targets.has(folded)) continue;
      const found = byText.get(folded);
      if (found) {
        if (found.archivedAt)
          problems.push(problem(row.line, 'departments.import.problems.archived', { department: found.key }));
        else targets.set(folded, { existing: found });
        continue;
      }
      if ([...row.department].length > NAME_MAX) {
        problems.push(problem(row.line, 'departments.errors.nameTooLong', { max: NAME_MAX }));
        continue;
      }
      const key = slugify(row.department);
      const clash = byKey.get(key);
      if (clash) {
        problems.push(
          problem(row.line, 'departments.import.problems.keyClash', { department: row.department, key }),
        );
        continue;
      }
      targets.set(folded, { create: { key, name: row.department } });
    }
    return targets;
  }

  /** Email → Slack user id, from the people table first, then Slack. */
  async function resolveEmails(
    actor: Actor,
    rows: Row[],
    directory: DepartmentDirectory,
    problems: ImportProblem[],
  ) {
    const emails = new Set<string>();
    for (const row of rows) {
      // A row may only set its department's language.
      if (!row.leadEmail && !row.memberEmail && !row.language) {
        problems.push(problem(row.line, 'departments.import.problems.noEmail'));
        continue;
      }
      for (const email of [row.leadEmail, row.memberEmail].filter(Boolean)) {
        if (EMAIL.test(email)) emails.add(email);
        else problems.push(problem(row.line, 'departments.import.problems.badEmail', { email }));
      }
    }
    const known = new Map<string, KnownPerson>();
    for (const person of await repo.peopleByEmails(actor.workspaceId, [...emails])) {
      const email = person.email?.toLowerCase();
      if (email && !known.has(email)) known.set(email, person);
    }
    const resolved = new Map<string, string>([...known].map(([email, p]) => [email, p.slackUserId]));
    const newPeople = new Map<string, SlackProfile>();
    const unknown = [...emails].filter((email) => !known.has(email));
    const found = await mapLimited(unknown, LOOKUP_CONCURRENCY, (email) => directory.lookupByEmail(email));
    unknown.forEach((email, index) => {
      const profile = found[index];
      if (profile && !profile.deleted && !profile.isBot) {
        resolved.set(email, profile.slackUserId);
        newPeople.set(profile.slackUserId, profile);
      }
    });
    for (const row of rows)
      for (const email of [row.leadEmail, row.memberEmail])
        if (email && emails.has(email) && !resolved.has(email))
          problems.push(problem(row.line, 'departments.import.problems.unknownEmail', { email }));
    return { resolved, newPeople };
  }

  return {
    async importCsv(actor: Actor, csv: string, directory: DepartmentDirectory): Promise<ImportOutcome> {
      const subject = await authorization.subjectOf(actor.personId);
      await authorization.require(subject, 'departments.import');
      const read = readRows(csv);
      if ('problems' in read) return { ok: false, problems: read.problems };
      const { rows } = read;
      const problems: ImportProblem[] = [];
      const departments = await repo.list(actor.workspaceId, { includeArchived: true });
      const targets = resolveDepartments(rows, departments, problems);
      const languages = readLanguages(rows, problems);
      const { resolved, newPeople } = await resolveEmails(actor, rows, directory, problems);
      if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.row - b.row) };

      // Who each department should gain: a lead listed anywhere is a lead, not also a member.
      const wanted = new Map<string, Map<string, 'LEAD' | 'MEMBER'>>();
      for (const row of rows) {
        const key = row.department.toLowerCase();
        const people = wanted.get(key) ?? new Map<string, 'LEAD' | 'MEMBER'>();
        wanted.set(key, people);
        const lead = resolved.get(row.leadEmail);
        const member = resolved.get(row.memberEmail);
        if (member && !people.has(member)) people.set(member, 'MEMBER');
        if (lead) people.set(lead, 'LEAD');
      }

      const summary: ImportSummary = {
        rows: rows.length,
        createdDepartments: [],
        membersAdded: 0,
        leadsAdded: 0,
        promotedToLead: 0,
        unchanged: 0,
        peopleAdded: 0,
        languagesSet: 0,
      };
      const plans: DepartmentPlan[] = [];
      const usedPeople = new Set<string>();
      for (const [text, target] of targets) {
        const people = wanted.get(text) ?? new Map<string, 'LEAD' | 'MEMBER'>();
        const ops: MembershipOp[] = [];
        const current = 'existing' in target ? target.existing.members : [];
        for (const [slackUserId, role] of people) {
          const member = current.find((m) => m.slackUserId === slackUserId);
          if (!member) {
            ops.push({ op: 'add', slackUserId, role });
            usedPeople.add(slackUserId);
            if (role === 'LEAD') summary.leadsAdded++;
            else summary.membersAdded++;
          } else if (role === 'LEAD' && member.role === 'MEMBER') {
            ops.push({ op: 'role', personId: member.personId, slackUserId, from: 'MEMBER', to: 'LEAD' });
            summary.promotedToLead++;
          } else summary.unchanged++;
        }
        const language = languages.get(text);
        if ('create' in target) {
          const { key, name } = target.create;
          if (language) summary.languagesSet++;
          summary.createdDepartments.push({ key, nameEn: name, nameZh: name });
          plans.push({
            target: {
              kind: 'create',
              fields: {
                key,
                nameEn: name,
                nameZh: name,
                description: null,
                slackChannelId: null,
                locale: language ?? null,
              },
            },
            memberships: ops,
          });
        } else {
          const relanguaged = language !== undefined && language !== target.existing.locale;
          if (relanguaged) summary.languagesSet++;
          if (ops.length > 0 || relanguaged)
            plans.push({
              target: {
                kind: 'update',
                department: target.existing,
                set: relanguaged ? { locale: language } : {},
              },
              memberships: ops,
            });
        }
      }
      if (plans.length === 0) return { ok: true, summary };
      // Profiles found in Slack may belong to people Liaison already knows under another email.
      const candidates = [...newPeople.values()].filter((p) => usedPeople.has(p.slackUserId));
      const knownIds = new Set(
        (
          await repo.peopleBySlackIds(
            actor.workspaceId,
            candidates.map((p) => p.slackUserId),
          )
        ).map((p) => p.slackUserId),
      );
      const peopleToCreate = candidates.filter((p) => !knownIds.has(p.slackUserId));
      const { departmentIds, changedPersonIds } = await repo.applyPlans({
        workspaceId: actor.workspaceId,
        actorSlackId: actor.slackUserId,
        newPeople: peopleToCreate,
        plans,
      });
      summary.peopleAdded = peopleToCreate.length;
      if (changedPersonIds.length > 0) deps.memberships.requestRefresh(actor.workspaceId, changedPersonIds);
      const relanguaged = relanguagedDepartmentIds(plans, departmentIds);
      if (relanguaged.length > 0) deps.onLanguageChanged?.(actor.workspaceId, relanguaged);
      return { ok: true, summary };
    },
  };
}
