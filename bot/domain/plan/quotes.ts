/**
 * Quotation marks at the edges of a name the readers cut out of a sentence (a target's label, a plan's title). Pure.
 */

const PAIRS: readonly (readonly [string, string])[] = [['“', '”'], ['「', '」'], ['『', '』'], ['‘', '’'], ['《', '》']];

/**
 * A name's quotation marks as they read: 「“专精特新”企业」 keeps its pair, a half left over where the name was
 * cut (「认定“瞪羚企业」) is dropped, and so is a pair around the whole name (「“高新技术企业”」 → 「高新技术企业」,
 * 「《2023年工作要点》」 → 「2023年工作要点」).
 */
export function unquote(name: string): string {
  let s = name;
  for (const [open, close] of PAIRS) {
    if (!s.includes(open) && !s.includes(close)) continue;
    const drop = new Set<number>();
    const opened: number[] = [];
    const closes = new Map<number, number>();
    for (let i = 0; i < s.length; i++) {
      if (s[i] === open) opened.push(i);
      else if (s[i] === close) {
        const o = opened.pop();
        if (o === undefined) drop.add(i);
        else closes.set(o, i);
      }
    }
    for (const o of opened) drop.add(o);
    if (closes.get(0) === s.length - 1) drop.add(0).add(s.length - 1);
    s = [...s].filter((_, i) => !drop.has(i)).join('');
  }
  // Straight quotes have no sides: an odd one out at an edge goes, and so does a pair around the whole name.
  const straight = s.split('"').length - 1;
  if (straight % 2 === 1) return s.replace(/^"|"$/, '');
  if (straight === 2 && s.startsWith('"') && s.endsWith('"')) return s.slice(1, -1);
  return s;
}
