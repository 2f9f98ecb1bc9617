/**
 * The handful of Block Kit rules Slack enforces that real bugs trip over. Returns a
 * human-readable problem (Slack's response_metadata style) or undefined when acceptable.
 */
export function blockProblem(blocks: unknown, maxBlocks: number): string | undefined {
  if (!Array.isArray(blocks)) return 'blocks must be an array';
  if (blocks.length > maxBlocks) return `no more than ${maxBlocks} items allowed [json-pointer:/blocks]`;
  const seen = new Set<string>();
  for (const [index, block] of blocks.entries()) {
    if (!isRecord(block) || typeof block.type !== 'string') {
      return `missing required field: type [json-pointer:/blocks/${index}]`;
    }
    if (typeof block.block_id === 'string') {
      if (seen.has(block.block_id))
        return `duplicate block_id ${block.block_id} [json-pointer:/blocks/${index}]`;
      seen.add(block.block_id);
    }
    const limit = TEXT_LIMITS[block.type];
    const text = isRecord(block.text) ? block.text.text : undefined;
    if (limit !== undefined && typeof text === 'string' && text.length > limit) {
      return `must be less than ${limit + 1} characters [json-pointer:/blocks/${index}/text/text]`;
    }
  }
  return undefined;
}

const TEXT_LIMITS: Record<string, number> = { section: 3000, header: 150 };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
