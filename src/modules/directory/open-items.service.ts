import type { DirectoryRepository } from './directory.repository.js';
import type { OpenItem, OpenItemsSource } from './directory.types.js';

/**
 * Departments that lose a lead or head with this person. Always a loose end: someone has
 * to take the department over.
 */
export function leadershipOpenItems(repo: Pick<DirectoryRepository, 'leadershipOf'>): OpenItemsSource {
  return {
    kind: 'department.leadership',
    async listOpenFor({ personId }) {
      const led = await repo.leadershipOf(personId);
      return led.map(
        ({ name, role }): OpenItem => ({
          title: {
            key:
              role === 'HEAD'
                ? 'directory.openItems.departmentWithoutHead'
                : 'directory.openItems.departmentWithoutLead',
            params: { department: name },
          },
        }),
      );
    },
  };
}

/** Messages Liaison was about to send them, cancelled when they were deactivated. */
export function cancelledMessagesOpenItems(
  repo: Pick<DirectoryRepository, 'countCancelledOnDeactivation'>,
): OpenItemsSource {
  return {
    kind: 'delivery.cancelled',
    async listOpenFor({ personId }) {
      const count = await repo.countCancelledOnDeactivation(personId);
      return count > 0
        ? [
            count === 1
              ? { title: { key: 'directory.openItems.cancelledMessage' } }
              : { title: { key: 'directory.openItems.cancelledMessages', params: { count } } },
          ]
        : [];
    },
  };
}

/**
 * Where features add their open items (action items, escalations, check-ins). The sync
 * asks every registered source when it flags a deactivated person.
 */
export interface OpenItemsRegistry {
  register(source: OpenItemsSource): void;
  sources(): readonly OpenItemsSource[];
  listOpenFor(person: { personId: string; workspaceId: string }): Promise<OpenItem[]>;
}

export function createOpenItemsRegistry(initial: readonly OpenItemsSource[] = []): OpenItemsRegistry {
  const sources = [...initial];
  return {
    register(source) {
      if (sources.some((existing) => existing.kind === source.kind))
        throw new Error(`an open-items source of kind ${source.kind} is already registered`);
      sources.push(source);
    },
    sources: () => [...sources],
    async listOpenFor(person) {
      const lists = await Promise.all(sources.map((source) => source.listOpenFor(person)));
      return lists.flat();
    },
  };
}
