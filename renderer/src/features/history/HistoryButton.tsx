// "History" in the board's toolbar.
export function HistoryButton({ onOpen }: { readonly onOpen: () => void }) {
  return (
    <button type="button" onClick={onOpen} data-testid="open-history">
      History
    </button>
  );
}
