import { Fragment, useRef, useState } from 'react';
import { t } from '../../i18n/tip-line';
import { formatReceipt } from '../../lib/tips/receipt';

/**
 * A receipt number on screen: groups of four that wrap as whole groups, so all 28 digits stay on a
 * 320-px screen. The spaces between groups are real text, outside the groups, so selecting and copying
 * what is shown gives every digit, in a form the receipt lookup accepts. 复制 uses the Clipboard API;
 * where that is missing or refused, it selects the number so the informant can copy it by hand.
 */
export function ReceiptNumber(props: { receipt: string; id: string }) {
  const numberRef = useRef<HTMLParagraphElement>(null);
  const [announce, setAnnounce] = useState('');
  const shown = formatReceipt(props.receipt);
  const groups = shown.split(' ');

  function select() {
    const number = numberRef.current;
    const selection = window.getSelection();
    if (!number || !selection) return false;
    selection.selectAllChildren(number);
    return true;
  }

  async function copy() {
    setAnnounce('');
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(shown);
      setAnnounce(t('receiptNumber.copied'));
    } catch {
      setAnnounce(select() ? t('receiptNumber.selected') : t('receiptNumber.copyFailed'));
    }
  }

  return (
    <div className="receipt-display">
      <p className="receipt-number" id={props.id} ref={numberRef}>
        {groups.map((group, i) => (
          <Fragment key={i}>
            <span>{group}</span>
            {i < groups.length - 1 ? ' ' : ''}
          </Fragment>
        ))}
      </p>
      <p className="receipt-copy">
        <button type="button" className="button-secondary" aria-describedby={props.id} onClick={() => void copy()}>
          {t('receiptNumber.copy')}
        </button>
        <span className="receipt-copy-result" role="status" aria-live="polite">
          {announce}
        </span>
      </p>
    </div>
  );
}
