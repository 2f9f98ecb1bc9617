/** Finds a block by block_id in what Slack received (tests assert fields, never JSON strings). */
export function blockById(blocks: unknown[] | undefined, blockId: string): Record<string, unknown> {
  const block = (blocks ?? []).find((b) => (b as { block_id?: string }).block_id === blockId);
  if (!block)
    throw new Error(
      `no block ${blockId} among ${(blocks ?? []).map((b) => (b as { block_id?: string }).block_id).join(', ')}`,
    );
  return block as Record<string, unknown>;
}

/** Every piece of visible text in a block (text, fields, context elements), joined by newlines. */
export function textOf(block: Record<string, unknown>): string {
  const parts: string[] = [];
  const text = block.text as { text?: string } | undefined;
  if (text?.text) parts.push(text.text);
  for (const field of (block.fields as { text: string }[] | undefined) ?? []) parts.push(field.text);
  for (const element of (block.elements as { text?: string }[] | undefined) ?? [])
    if (element.text) parts.push(element.text);
  return parts.join('\n');
}

/** The text of every block whose id is `prefix` or `prefix.<n>` (a list split across sections), joined. */
export function textOfAll(blocks: unknown[] | undefined, prefix: string): string {
  const matching = (blocks ?? []).filter((b) => {
    const id = (b as { block_id?: string }).block_id ?? '';
    return id === prefix || new RegExp(`^${prefix.replace(/[.]/g, '\\.')}\\.\\d+$`).test(id);
  });
  if (matching.length === 0) throw new Error(`no block ${prefix}`);
  return matching.map((b) => textOf(b as Record<string, unknown>)).join('\n');
}
