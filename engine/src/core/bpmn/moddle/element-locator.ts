/**
 * Finds the element at a line and column that moddle reports, to name it in a problem. The file is
 * indexed once (on first use), so a file with many warnings is not scanned once per warning.
 */
export class ElementLocator {
  private index?: { lineStarts: number[]; tagStarts: number[]; ids: (string | undefined)[] };

  constructor(private readonly xml: string) {}

  /**
   * The id of the element whose tag starts at a (0-based) line and column, or of the nearest
   * enclosing element with an id (an unknown extension element has none; its task has).
   */
  idAt(line: number, column: number): string | undefined {
    this.index ??= buildIndex(this.xml);
    const { lineStarts, tagStarts, ids } = this.index;
    const lineStart = lineStarts[line];
    if (lineStart === undefined) return undefined;
    const offset = lineStart + column;
    let low = 0;
    let high = tagStarts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((tagStarts[middle] ?? Infinity) < offset) low = middle + 1;
      else high = middle;
    }
    return ids[low];
  }
}

function buildIndex(xml: string) {
  const lineStarts = [0];
  for (let offset = xml.indexOf('\n'); offset >= 0; offset = xml.indexOf('\n', offset + 1)) {
    lineStarts.push(offset + 1);
  }
  const tagStarts: number[] = [];
  const ids: (string | undefined)[] = [];
  const open: (string | undefined)[] = [];
  for (const tag of xml.matchAll(/<(\/?)[\w.:-]+([^>]*?)(\/?)>/g)) {
    const own = /\sid\s*=\s*["']([^"']*)["']/.exec(tag[2] ?? '')?.[1];
    tagStarts.push(tag.index);
    ids.push(own ?? open.findLast((id) => id !== undefined));
    if (tag[1] === '/') open.pop();
    else if (tag[3] !== '/') open.push(own);
  }
  return { lineStarts, tagStarts, ids };
}
