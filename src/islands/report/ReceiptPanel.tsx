import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n/tip-line';
import { tf } from '../format';
import { sitePath } from '../../lib/site-path';
import { ReceiptNumber } from '../tip-form/ReceiptNumber';

/**
 * The receipt, shown once. Until the informant confirms having written it down, leaving
 * the page asks first; after that it is gone from the page (and from memory).
 */
export function ReceiptPanel(props: { receipt: string; received: string; onAnother: () => void }) {
  const [confirmed, setConfirmed] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), [confirmed]);
  useEffect(() => {
    if (confirmed) return;
    // Browsers show their own wording. preventDefault asks in current browsers; older ones
    // (still on many phones) need returnValue set.
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      (event as { returnValue: unknown }).returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [confirmed]);

  if (confirmed) {
    return (
      <div className="tip-done">
        <h2 ref={headingRef} tabIndex={-1}>
          {t('report.successTitle')}
        </h2>
        <p>{t('report.done')}</p>
        <p>
          <a href={sitePath('/receipt/')}>{t('report.lookupLink')}</a>
        </p>
        <p>
          <button type="button" className="button-secondary" onClick={props.onAnother}>
            {t('report.another')}
          </button>
        </p>
      </div>
    );
  }

  return (
    <div className="tip-success">
      <h2 ref={headingRef} tabIndex={-1}>
        {t('report.successTitle')}
      </h2>
      <p>{tf('report.successText', { day: props.received })}</p>
      <h3>{t('report.receiptLabel')}</h3>
      <ReceiptNumber receipt={props.receipt} id="report-receipt" />
      <p className="warning-text">{t('report.receiptHelp')}</p>
      <button type="button" className="button-primary" onClick={() => setConfirmed(true)}>
        {t('report.receiptConfirm')}
      </button>
    </div>
  );
}
