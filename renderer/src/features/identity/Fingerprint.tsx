// A key fingerprint as people read it aloud: six groups of five digits, spaced, in monospace.
export function Fingerprint({ value, label }: { readonly value: string; readonly label?: string }) {
  return (
    <span className="fingerprint" aria-label={label ?? `Fingerprint ${value}`} data-testid="fingerprint">
      {value.split(' ').map((group, i) => (
        <span key={i} className="fingerprint-group">
          {group}
        </span>
      ))}
    </span>
  );
}
