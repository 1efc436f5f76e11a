import { useEffect, useState, type SubmitEvent } from 'react';
import { t } from '../../i18n/tip-line';
import type { ReadMessage } from '../../lib/tips/message-crypto';
import { readThread } from '../../lib/tips/message-crypto';
import { receiptReplyKey } from '../../lib/tips/reply-key';
import type { PublicMessage } from '../../lib/tips/receipts';
import { FollowUp, TIP_LIMITS } from '../../schemas/tip';
import { tf } from '../format';
import { Field, fieldProps, type FieldErrors } from '../report/Field';
import { PhotoPicker } from '../report/PhotoPicker';
import type { PreparedPhoto } from '../report/photos';
import { SubmitFailure } from '../report/SubmitFailure';
import { SubmitStatus } from '../report/SubmitStatus';
import { useSubmission } from '../report/useSubmission';

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
  const [photos, setPhotos] = useState<PreparedPhoto[]>([]);
  const [photoBusy, setPhotoBusy] = useState(false);
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
      const found: typeof errors = {};
      for (const issue of parsed.error.issues) found[issue.path[0] === 'photos' ? 'photos' : 'text'] ??= issue.message;
      setErrors(found);
      return;
    }
    setErrors({});
    const accepted = await send(submission, parsed.data);
    if (!accepted) return;
    setSent(accepted.received);
    for (const photo of photos) URL.revokeObjectURL(photo.previewUrl);
    setPhotos([]);
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
        photos={photos}
        onChange={setPhotos}
        busy={photoBusy}
        onBusy={setPhotoBusy}
        error={errors.photos}
        onError={(message) => setErrors((e) => ({ ...e, photos: message }))}
      />
      {failure && (
        <SubmitFailure id="follow-up-failure" heading="h4" title={t('followUp.failedTitle')} message={failure} />
      )}
      <div className="submit-row">
        <button type="submit" className="button-primary" disabled={busy || photoBusy} aria-disabled={busy || photoBusy}>
          {failure ? t('report.retry') : t('followUp.submit')}
        </button>
      </div>
      <SubmitStatus step={step} progress={progress} />
    </form>
  );
}
