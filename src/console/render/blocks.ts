import type {
  ActionsBlock,
  AnyBlock,
  ContextBlock,
  HeaderBlock,
  ImageBlock,
  InputBlock,
  KnownBlock,
  SectionBlock,
  TextObject,
} from '@slack/types';
import { createStyler, type Styler } from './ansi.js';
import { consoleWords } from './console-words.js';
import type { Control, ControlElement, ControlField, FieldValues } from './control.types.js';
import { buttonLabel, valueLines } from './control-lines.js';
import { isControlElement, toControl } from './controls.js';
import { plainTextOf } from './emoji.js';
import { currentFieldValue } from './field-values.js';
import { mrkdwnToText } from './mrkdwn.js';
import type { RenderContext } from './render.types.js';
import { richTextToLines } from './rich-text.js';
import { displayWidth, padEnd } from './text-width.js';
import { wrapText } from './wrap.js';

export interface BlockRenderOptions {
  values?: FieldValues;
  fieldErrors?: Readonly<Record<string, string>>;
}

/** Walks blocks in order, numbering controls as it meets them. */
class BlockRenderer {
  readonly controls: Control[] = [];
  private readonly style: Styler;
  private readonly width: number;
  private nextIndex: number;

  constructor(
    private readonly ctx: RenderContext,
    private readonly options: BlockRenderOptions,
  ) {
    this.style = createStyler(ctx.color ?? false);
    this.width = Math.max(10, ctx.width ?? 80);
    this.nextIndex = ctx.firstControlIndex ?? 1;
  }

  text(object: TextObject): string {
    return object.type === 'mrkdwn' ? mrkdwnToText(object.text, this.ctx) : plainTextOf(object);
  }

  wrap(text: string, width = this.width): string[] {
    return wrapText(text, width);
  }

  addControl(element: ControlElement, blockId: string, position: number, field?: ControlField): Control {
    const placement = { index: this.nextIndex, blockId, actionId: `action-${position}` };
    const control = toControl(element, field === undefined ? placement : { ...placement, field }, this.ctx);
    this.nextIndex += 1;
    this.controls.push(control);
    return control;
  }

  controlLines(control: Control): string[] {
    if (control.kind === 'button' || control.kind === 'workflow_button')
      return [buttonLabel(control, this.style)];
    const optional = control.field?.optional
      ? this.style.dim(` ${consoleWords(this.ctx)('console.render.optional')}`)
      : '';
    const heading = `[${control.index}] ${control.field ? this.style.bold(control.label) : control.label}${optional}`;
    const value = currentFieldValue(this.options.values, control);
    const lines = [...this.wrap(heading), ...valueLines(control, value, this.ctx, this.style)];
    if (control.field?.hint !== undefined)
      lines.push(...this.wrap(`    ${this.style.dim(control.field.hint)}`));
    const error = this.options.fieldErrors?.[control.blockId];
    if (error !== undefined) lines.push(...this.wrap(`    ${this.style.error(`! ${error}`)}`));
    return lines;
  }

  header(block: HeaderBlock): string[] {
    const lines = this.wrap(this.style.bold(plainTextOf(block.text)));
    const underline = Math.min(this.width, Math.max(...lines.map(displayWidth)));
    return [...lines, '='.repeat(underline)];
  }

  fields(fields: readonly TextObject[]): string[] {
    const column = Math.floor((this.width - 2) / 2);
    const texts = fields.map((field) => this.text(field));
    // Slack shows fields two per row; below ~24 columns a single column reads better.
    if (column < 12) return texts.flatMap((text) => this.wrap(text));
    const lines: string[] = [];
    for (let at = 0; at < texts.length; at += 2) {
      const left = this.wrap(texts[at] ?? '', column);
      const right = this.wrap(texts[at + 1] ?? '', column);
      for (let row = 0; row < Math.max(left.length, right.length); row += 1) {
        lines.push(`${padEnd(left[row] ?? '', column)}  ${right[row] ?? ''}`.trimEnd());
      }
    }
    return lines;
  }

  section(block: SectionBlock, blockId: string): string[] {
    const lines = block.text === undefined ? [] : this.wrap(this.text(block.text));
    if (block.fields !== undefined) lines.push(...this.fields(block.fields));
    const accessory = block.accessory;
    if (accessory?.type === 'image')
      lines.push(consoleWords(this.ctx)('console.render.image', { text: accessory.alt_text }));
    else if (accessory !== undefined)
      lines.push(...this.controlLines(this.addControl(accessory, blockId, 0)));
    return lines;
  }

  context(block: ContextBlock): string[] {
    const parts = block.elements.flatMap((element) => {
      if (element.type === 'image') return element.alt_text === '' ? [] : [`[${element.alt_text}]`];
      return [this.text(element)];
    });
    return this.wrap(this.style.dim(parts.join('  ')));
  }

  actions(block: ActionsBlock, blockId: string): string[] {
    const lines: string[] = [];
    let row: string[] = [];
    // Buttons sit side by side like in Slack; anything with choices gets its own lines.
    const flushRow = () => {
      if (row.length > 0) lines.push(...packInline(row, this.width));
      row = [];
    };
    block.elements.forEach((element, position) => {
      if (!isControlElement(element)) return;
      const control = this.addControl(element, blockId, position);
      if (control.kind === 'button' || control.kind === 'workflow_button') {
        row.push(buttonLabel(control, this.style));
        return;
      }
      flushRow();
      lines.push(...this.controlLines(control));
    });
    flushRow();
    return lines;
  }

  input(block: InputBlock, blockId: string): string[] {
    const field: ControlField = {
      label: plainTextOf(block.label),
      optional: block.optional ?? false,
      dispatchAction: block.dispatch_action ?? false,
      ...(block.hint === undefined ? {} : { hint: block.hint.text }),
    };
    return this.controlLines(this.addControl(block.element, blockId, 0, field));
  }

  image(block: ImageBlock): string[] {
    const title = block.title === undefined ? '' : `${block.title.text}: `;
    return this.wrap(consoleWords(this.ctx)('console.render.image', { text: `${title}${block.alt_text}` }));
  }

  block(block: AnyBlock, position: number): string[] {
    const blockId = block.block_id ?? `block-${position}`;
    // AnyBlock admits the open `{ type: string }` shape, which defeats narrowing on `type`;
    // a block whose type names a known block has that block's shape by Slack's contract.
    const known = block as KnownBlock;
    switch (known.type) {
      case 'header':
        return this.header(known);
      case 'section':
        return this.section(known, blockId);
      case 'context':
        return this.context(known);
      case 'divider':
        return ['-'.repeat(this.width)];
      case 'actions':
        return this.actions(known, blockId);
      case 'input':
        return this.input(known, blockId);
      case 'image':
        return this.image(known);
      case 'rich_text':
        return richTextToLines(known, this.ctx).flatMap((line) => this.wrap(line));
      case 'markdown':
        return this.wrap(known.text);
      default:
        return [consoleWords(this.ctx)('console.render.unsupportedBlock', { type: block.type })];
    }
  }
}

/** Packs short items onto lines, two spaces apart, wrapping between items. */
function packInline(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line !== '' && displayWidth(line) + 2 + displayWidth(item) > width) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? item : `${line}  ${item}`;
  }
  if (line !== '') lines.push(line);
  return lines.flatMap((packed) => wrapText(packed, width));
}

/** Renders blocks to lines and the controls found in them, numbered in document order. */
export function renderBlocks(
  blocks: readonly AnyBlock[],
  ctx: RenderContext,
  options: BlockRenderOptions = {},
): { lines: string[]; controls: Control[] } {
  const renderer = new BlockRenderer(ctx, options);
  const lines: string[] = [];
  blocks.forEach((block, position) => {
    // A blank line before each modal field keeps label/value/error groups apart.
    if (block.type === 'input' && lines.length > 0) lines.push('');
    lines.push(...renderer.block(block, position));
  });
  return { lines, controls: renderer.controls };
}
