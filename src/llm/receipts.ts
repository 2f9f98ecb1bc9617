/**
 * Receipts: what the model says must rest on what it was given. A cited ref that is not in
 * the input is removed; an item left citing nothing is dropped. An owner not in the input
 * becomes nobody.
 */
export interface Cited {
  refs: string[];
}

export function keepCited<T extends Cited>(items: readonly T[], knownRefs: ReadonlySet<string>): T[] {
  return items
    .map((item) => ({
      ...item,
      refs: [...new Set(item.refs.map((r) => r.trim()))].filter((r) => knownRefs.has(r)),
    }))
    .filter((item) => item.refs.length > 0);
}

/** The owner's ref when the input named that person; otherwise undefined (unassigned). */
export function knownOwner(owner: string, knownOwners: ReadonlySet<string>): string | undefined {
  const ref = owner.trim();
  return ref && knownOwners.has(ref) ? ref : undefined;
}
