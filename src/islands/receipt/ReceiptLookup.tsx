import { lazy, Suspense, useEffect, useRef, useState, type SubmitEvent } from 'react';
import { t, type TipLineKey } from '../../i18n/tip-line';
import { receiptLookupKey } from '../../lib/tips/lookup-key';
import { parseReceiptInput } from '../../lib/tips/receipt';
import type { PublicReceipt, ReceiptLookupFile } from '../../lib/tips/receipts';
import { tf } from '../format';
import { sitePath } from '../../lib/site-path';
import { ReceiptNumber } from '../tip-form/ReceiptNumber';

// The conversation (decryption, follow-up form, submit protocol) loads only for a found receipt.
const Conversation = lazy(() => import('./Conversation'));

type Result =
  | { kind: 'found'; entry: PublicReceipt; receipt: string }
  | { kind: 'notFound'; receipt: string }
  | { kind: 'failed' }
  | { kind: 'checking' }
  | undefined;

/**
 * The receipt never leaves the device: only its slow hash is compared with /receipts.json. A
 * found receipt also opens its conversation with the office (Conversation.tsx), on the device.
 */
export default function ReceiptLookup({ recipients }: { recipients: readonly string[] }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<Result>();
  const resultRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (result && result.kind !== 'checking') resultRef.current?.focus();
  }, [result]);

  async function lookup(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseReceiptInput(value);
    if (!parsed.ok) {
      setResult(undefined);
      setError(parsed.reason === 'length' ? tf('receipt.length', { n: parsed.digits }) : t(`receipt.${parsed.reason}`));
      inputRef.current?.focus();
      return;
    }
    setError(undefined);
    setResult({ kind: 'checking' });
    try {
      const [key, file] = await Promise.all([
        receiptLookupKey(parsed.receipt),
        fetch(sitePath('/receipts.json'), {
          cache: 'no-cache',
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
        }).then((res) =>
          res.ok ? (res.json() as Promise<ReceiptLookupFile>) : Promise.reject(new Error(String(res.status))),
        ),
      ]);
      const entry = Object.prototype.hasOwnProperty.call(file.entries, key) ? file.entries[key] : undefined;
      setResult(
        entry ? { kind: 'found', entry, receipt: parsed.receipt } : { kind: 'notFound', receipt: parsed.receipt },
      );
    } catch {
      setResult({ kind: 'failed' });
    }
  }

  return (
    <div className="receipt-lookup">
      <form method="post" noValidate onSubmit={(event) => void lookup(event)} aria-label={t('receipt.title')}>
        <div className={error ? 'field field-error' : 'field'}>
          <label htmlFor="receipt-number">{t('receipt.label')}</label>
          <p className="field-hint" id="receipt-number-hint">
            {t('receipt.hint')}
          </p>
          {error && (
            <p className="field-message" id="receipt-number-error" role="alert">
              <span className="visually-hidden">错误：</span>
              {error}
            </p>
          )}
          <input
            ref={inputRef}
            id="receipt-number"
            name="receipt"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            className="receipt-input"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'receipt-number-hint receipt-number-error' : 'receipt-number-hint'}
          />
        </div>
        <button type="submit" className="button-primary" disabled={result?.kind === 'checking'}>
          {t('receipt.submit')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {result?.kind === 'checking' && <p>{t('receipt.checking')}</p>}
      </div>
      {result && result.kind !== 'checking' && (
        <div className="receipt-result" ref={resultRef} tabIndex={-1}>
          <h2 id="receipt-result-title">{t('receipt.result')}</h2>
          {(result.kind === 'found' || result.kind === 'notFound') && (
            <>
              <p className="receipt-queried">{t('receipt.queried')}</p>
              <ReceiptNumber receipt={result.receipt} id="receipt-queried" />
            </>
          )}
          {result.kind === 'found' && (
            <>
              <Found entry={result.entry} />
              <Suspense fallback={<p>{t('conversation.opening')}</p>}>
                <Conversation
                  receipt={result.receipt}
                  messages={result.entry.messages ?? []}
                  closed={result.entry.closed}
                  recipients={recipients}
                />
              </Suspense>
            </>
          )}
          {result.kind === 'notFound' && (
            <>
              <p>{t('receipt.notFound')}</p>
              <p>{t('receipt.notFoundHelp')}</p>
            </>
          )}
          {result.kind === 'failed' && <p>{t('receipt.loadFailed')}</p>}
        </div>
      )}
    </div>
  );
}

function Found({ entry }: { entry: PublicReceipt }) {
  return (
    <dl className="receipt-status">
      <dt>{t('receipt.status')}</dt>
      <dd>
        <strong>{entry.status}</strong>：{t(`receipt.status.${entry.status}` as TipLineKey)}
      </dd>
      {entry.hazard && (
        <>
          <dt>{t('receipt.hazard')}</dt>
          <dd>
            <a href={entry.hazard.url}>{tf('receipt.hazardLink', { id: entry.hazard.id })}</a>
          </dd>
        </>
      )}
      {entry.note && (
        <>
          <dt>{t('receipt.note')}</dt>
          <dd>{entry.note}</dd>
        </>
      )}
      <dt>{t('receipt.received')}</dt>
      <dd>{entry.received}</dd>
      <dt>{t('receipt.updated')}</dt>
      <dd>{entry.updated}</dd>
    </dl>
  );
}
