// Runs in every app window of the relay benchmark (bundled by roomRelayBench.ts and added as an
// init script, so it runs before the app and needs no eval under the app's CSP). It only watches
// and times: when the board first showed each number of distinct card titles (the frame after
// the DOM held them), and when Enter was pressed. Times are absolute (timeOrigin + now).
const now = (): number => performance.timeOrigin + performance.now();

const reached = new Map<number, number>();
let shown = 0;
let enterAt = 0;

function titles(): number {
  const seen = new Set<string>();
  for (const el of document.querySelectorAll('[data-testid="card"] .card-title')) seen.add(el.textContent ?? '');
  return seen.size;
}

new MutationObserver(() => {
  const count = titles();
  if (count <= shown) return;
  const from = shown + 1;
  shown = count;
  // The frame that shows them: the next animation frame after the DOM holds them.
  requestAnimationFrame(() => {
    const at = now();
    for (let n = from; n <= count; n++) if (!reached.has(n)) reached.set(n, at);
  });
}).observe(document, { subtree: true, childList: true, characterData: true });

// The key press that saves an edit: captured before the app's own handlers run.
window.addEventListener(
  'keydown',
  (event) => {
    if (event.key === 'Enter') enterAt = performance.timeOrigin + event.timeStamp;
  },
  true,
);

const api = {
  clock: now,
  cards: titles,
  reachedAt: (count: number): number | null => reached.get(count) ?? null,
  enterAt: (): number => enterAt,
  boardTitle: (): string => document.querySelector('[data-testid="board-title"]')?.textContent ?? '',
};

(globalThis as unknown as { bbRelay: typeof api }).bbRelay = api;

export {};
