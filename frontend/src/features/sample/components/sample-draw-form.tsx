import '../sample.css';

import { useId, useState, type FormEvent } from 'react';

import { ErrorMessage } from '@/components/ui/error-message';
import { Loading } from '@/components/ui/loading';

import { useDrawSample } from '../api/draw-sample';

const randomSeed = () => Math.floor(Math.random() * 1_000_000_000);

type SampleDrawFormProps = { campaignId: number; regionCodes: string[] };

/** Forms the sample by rule: N organizations per region, stratified, reproducible by seed. */
export function SampleDrawForm({ campaignId, regionCodes }: SampleDrawFormProps) {
  const [perRegion, setPerRegion] = useState('10');
  const [seed, setSeed] = useState(() => String(randomSeed()));
  const [chosen, setChosen] = useState<string[]>([]);
  const [drawn, setDrawn] = useState<string>();
  const draw = useDrawSample();
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDrawn(undefined);
    draw.mutate(
      { campaignId, perRegion: Number(perRegion), seed: Number(seed), regionCodes: chosen },
      { onSuccess: () => setDrawn(seed) },
    );
  };

  return (
    <form className="form-stack" onSubmit={submit} data-testid="draw-form">
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-per`}>Организаций от региона</label>
          <input
            id={`${id}-per`}
            type="number"
            className="input input--code"
            min={1}
            max={100000}
            required
            value={perRegion}
            onChange={(event) => setPerRegion(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-seed`}>Начальное число (seed)</label>
          <div className="input-with-button">
            <input
              id={`${id}-seed`}
              type="number"
              className="input"
              required
              step={1}
              value={seed}
              aria-describedby={`${id}-seed-hint`}
              onChange={(event) => setSeed(event.target.value)}
            />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setSeed(String(randomSeed()))}
            >
              Другое
            </button>
          </div>
          <small id={`${id}-seed-hint`} className="field__hint">
            Запишите его: с тем же числом по тому же списку получится та же выборка.
          </small>
        </div>
      </div>
      <fieldset className="checkboxes">
        <legend>Регионы (не выбрано ни одного — все регионы кампании)</legend>
        <div className="regions-picker__list regions-picker__list--short">
          {regionCodes.map((code) => (
            <label key={code} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(code)}
                onChange={(event) =>
                  setChosen((current) =>
                    event.target.checked ? [...current, code] : current.filter((c) => c !== code),
                  )
                }
              />
              {code}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <button type="submit" className="button" disabled={draw.isPending}>
          Сформировать выборку
        </button>
      </div>
      {draw.isPending && <Loading label="Формируем выборку…" />}
      {draw.isError && <ErrorMessage error={draw.error} title="Выборка не сформирована" />}
      {drawn && (
        <p className="alert alert--info" role="status" data-testid="draw-done">
          Выборка сформирована с начальным числом {drawn}. Проверьте её и опубликуйте регионам.
        </p>
      )}
    </form>
  );
}
