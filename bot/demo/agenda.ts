/**
 * The simulated people's to-do list: actions at simulated times. The demo
 * driver stops the clock at each one, runs it, and lets the bot finish.
 */
export interface AgendaItem {
  at: number;
  who: string;
  what: string;
  run(): Promise<void>;
}

export interface Agenda {
  add(item: AgendaItem): void;
  /** Time of the earliest pending action, or null. */
  nextAt(): number | null;
  /** Removes and returns the actions due at or before `now`, earliest first. */
  takeDue(now: number): AgendaItem[];
  size(): number;
}

export function createAgenda(): Agenda {
  let items: AgendaItem[] = [];
  return {
    add(item) {
      items.push(item);
      items.sort((a, b) => a.at - b.at);
    },
    nextAt: () => items[0]?.at ?? null,
    takeDue(now) {
      const due = items.filter((i) => i.at <= now);
      items = items.filter((i) => i.at > now);
      return due;
    },
    size: () => items.length,
  };
}
