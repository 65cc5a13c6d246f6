// The board toolbar's way into the charter.
export function CharterButton({ onOpen }: { readonly onOpen: () => void }) {
  return (
    <button type="button" onClick={onOpen} data-testid="open-charter">
      Charter
    </button>
  );
}
