import { useEffect, useState, type SubmitEvent } from 'react';
import { t } from '../../i18n/tip-line';
import type { ReadMessage } from '../../lib/tips/message-crypto';
import { readThread } from '../../lib/tips/message-crypto';
import { receiptReplyKey } from '../../lib/tips/reply-key';
import type { PublicMessage } from '../../lib/tips/receipts';
import { FollowUp, TIP_LIMITS } from '../../schemas/tip';
import { tf } from '../format';
import { Field, fieldProps, type FieldErrors } from '../tip-form/Field';
import { fieldErrors } from '../tip-form/issues';
import { PhotoPicker } from '../tip-form/PhotoPicker';
import { SubmitFailure } from '../tip-form/SubmitFailure';
import { SubmitRow } from '../tip-form/SubmitRow';
import { SubmitStatus } from '../tip-form/SubmitStatus';
import { usePhotos } from '../tip-form/usePhotos';
import { useSubmission } from '../tip-form/useSubmission';

/** The follow-up form's fields; an issue about anything else is shown at the text. */
const FOLLOW_UP_FIELDS = ['text', 'photos'] as const;

/**
 * The conversation of a found receipt, loaded only then (it carries the decryption and the
 * submit protocol): the messages, opened on the device with the key derived from the receipt,
 * and the follow-up form — a follow-up is sealed and sent exactly as a tip (same protocol,
 * same encryption to the office, same proof of work), linked to its tip only by the receipt
 * inside the ciphertext.
 */
export default function Conversation(props: {
  receipt: string;
  messages: readonly PublicMessage[];
  closed: string | undefined;
  recipients: readonly string[];
}) {
  const [thread, setThread] = useState<ReadMessage[] | 'opening' | 'failed'>(props.messages.length ? 'opening' : []);

  useEffect(() => {
    if (!props.messages.length) return;
    let live = true;
    receiptReplyKey(props.receipt)
      .then(({ identity }) => readThread(props.messages, [identity]))
      .then(
        (read) => live && setThread(read),
        () => live && setThread('failed'),
      );
    return () => {
      live = false;
    };
  }, [props.receipt, props.messages]);

  return (
    <section className="conversation" aria-labelledby="conversation-title">
      <h3 id="conversation-title">{t('conversation.title')}</h3>
      <p className="field-hint">{t('conversation.privacy')}</p>
      {thread === 'opening' && <p role="status">{t('conversation.opening')}</p>}
      {thread === 'failed' && <p role="alert">{t('conversation.failed')}</p>}
      {Array.isArray(thread) && thread.length === 0 && <p>{t('conversation.empty')}</p>}
      {Array.isArray(thread) && thread.length > 0 && (
        <ol className="conversation-messages">
          {thread.map((message, index) => (
            <li key={index} className={`message message-${message.from}`}>
              <p className="message-meta">
                <strong>{message.from === 'office' ? t('conversation.office') : t('conversation.informant')}</strong> ·{' '}
                {message.date}
                {message.answered && tf('conversation.answered', { date: message.answered })}
              </p>
              {message.body ? (
                <>
                  {message.body.text.split('\n').map((line, i) => (
                    <p key={i}>{line}</p>
                  ))}
                  {message.body.photos ? <p>{tf('conversation.photos', { n: message.body.photos })}</p> : null}
                </>
              ) : (
                <p>{t('conversation.unreadable')}</p>
              )}
            </li>
          ))}
        </ol>
      )}
      {props.closed ? (
        <p className="conversation-closed">{tf('conversation.closed', { date: props.closed })}</p>
      ) : (
        <FollowUpForm receipt={props.receipt} recipients={props.recipients} />
      )}
    </section>
  );
}

function FollowUpForm({ receipt, recipients }: { receipt: string; recipients: readonly string[] }) {
  const [text, setText] = useState('');
  const photoState = usePhotos();
  const { photos, busy: photoBusy } = photoState;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sent, setSent] = useState<string | undefined>();
  // The tip form's protocol, bound to this receipt: a follow-up carries the receipt of its tip.
  const { prepare, send, step, progress, busy, failure, setFailure } = useSubmission(recipients, { receipt });

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || photoBusy) return;
    setFailure(undefined);
    const submission = prepare(JSON.stringify([text, photos.map((p) => p.previewUrl)]));
    const parsed = FollowUp.omit({ replyTo: true }).safeParse({
      version: 2,
      kind: 'follow-up',
      receipt,
      text,
      photos: photos.map((p) => p.photo),
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues, FOLLOW_UP_FIELDS, 'text'));
      return;
    }
    setErrors({});
    const accepted = await send(submission, parsed.data);
    if (!accepted) return;
    setSent(accepted.received);
    photoState.clear();
    setText('');
  }

  if (sent) {
    return (
      <div className="follow-up-sent" role="status">
        <p>{tf('followUp.sent', { date: sent })}</p>
        <button type="button" className="button-secondary" onClick={() => setSent(undefined)}>
          {t('followUp.another')}
        </button>
      </div>
    );
  }

  return (
    <form
      className="follow-up"
      method="post"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="follow-up-title"
    >
      <h3 id="follow-up-title">{t('followUp.title')}</h3>
      <p>{t('followUp.intro')}</p>
      <Field
        name="text"
        form="follow-up"
        label={t('followUp.text')}
        required
        hint={t('followUp.textHint')}
        errors={errors}
      >
        <textarea
          {...fieldProps('text', errors, true, 'follow-up')}
          rows={5}
          maxLength={TIP_LIMITS.what}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Field>
      <PhotoPicker
        state={photoState}
        error={errors.photos}
        onError={(message) => setErrors((e) => ({ ...e, photos: message }))}
      />
      {failure && (
        <SubmitFailure id="follow-up-failure" heading="h4" title={t('followUp.failedTitle')} message={failure} />
      )}
      <SubmitRow
        busy={busy || photoBusy}
        failed={Boolean(failure)}
        label={t('followUp.submit')}
        retryLabel={t('report.retry')}
      />
      <SubmitStatus step={step} progress={progress} />
    </form>
  );
}
