/** Submitted questionnaires as a whole percentage of the kits used, or none while none is used. */
export function completionPercent(submitted: number, used: number): number | undefined {
  if (used <= 0) return undefined;
  return Math.min(100, Math.round((submitted / used) * 100));
}

/**
 * «Сдали» against «Использовано»: the percentage and a bar; «—» while protocol 2 has marked no
 * kit used yet (there is nothing to count against).
 */
export function Completion({ submitted, used }: { submitted: number; used: number }) {
  const percent = completionPercent(submitted, used);
  if (percent === undefined) {
    return (
      <span className="q-completion" data-testid="completion">
        <span className="q-completion__value">—</span>
        <span className="visually-hidden">протокол 2 ещё не отметил использованных комплектов</span>
      </span>
    );
  }
  return (
    <span className="q-completion" data-testid="completion">
      <span className="q-completion__value">{percent}%</span>
      <progress
        className="q-completion__bar"
        max={100}
        value={percent}
        aria-label={`Сдали ${percent}% от использованных комплектов`}
      />
    </span>
  );
}
