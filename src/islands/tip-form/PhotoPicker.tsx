import { useState, type ChangeEvent } from 'react';
import { t } from '../../i18n/tip-line';
import { TIP_LIMITS } from '../../schemas/tip-limits';
import { formatBytes, tf } from '../format';
import { PhotoTooLarge, preparePhoto, type PreparedPhoto } from './photos';
import type { Photos } from './usePhotos';

/** Up to three photos, each re-encoded on the device as soon as it is chosen. */
export function PhotoPicker(props: {
  /** The form's photos (usePhotos). */
  state: Photos;
  error: string | undefined;
  onError: (message: string | undefined) => void;
}) {
  const [announce, setAnnounce] = useState('');
  const { photos, setPhotos, busy, setBusy } = props.state;

  async function add(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0) return;
    props.onError(undefined);
    const room = TIP_LIMITS.photos - photos.length;
    if (files.length > room) props.onError(t('report.photoTooMany'));
    setBusy(true);
    setAnnounce(t('report.photoProcessing'));
    const added: PreparedPhoto[] = [];
    for (const file of files.slice(0, Math.max(0, room))) {
      try {
        added.push(await preparePhoto(file));
      } catch (error) {
        const key = error instanceof PhotoTooLarge ? 'report.photoTooBig' : 'report.photoFailed';
        props.onError(tf(key, { name: file.name }));
      }
    }
    const next = [...photos, ...added];
    setPhotos(next);
    setBusy(false);
    setAnnounce(
      added
        .map((p, i) =>
          tf('report.photoReady', {
            n: photos.length + i + 1,
            width: p.photo.width,
            height: p.photo.height,
            size: formatBytes(p.bytes),
          }),
        )
        .join('；'),
    );
  }

  function remove(index: number) {
    const photo = photos[index];
    if (photo) URL.revokeObjectURL(photo.previewUrl);
    setPhotos(photos.filter((_, i) => i !== index));
    props.onError(undefined);
  }

  const count = photos.length;
  const full = count >= TIP_LIMITS.photos;
  const describedBy = ['report-photos-hint', props.error ? 'report-photos-error' : ''].filter(Boolean).join(' ');
  // The native control says nothing useful ("no file chosen" even after a photo is attached) and is
  // tiny on phones: it stays in the page, focusable and named, but out of sight; its label is the button.
  const button = busy
    ? t('report.photoProcessing')
    : full
      ? tf('report.photoButtonFull', { n: count })
      : count > 0
        ? tf('report.photoButtonMore', { n: count })
        : t('report.photoButton');
  return (
    <div className={props.error ? 'field field-error' : 'field'}>
      <p className="field-label" id="report-photos-title">
        {t('report.photos')}
        <span className="field-optional">{t('report.optional')}</span>
      </p>
      <p className="field-hint" id="report-photos-hint">
        {t('report.photosHint')}
      </p>
      {props.error && (
        <p className="field-message" id="report-photos-error">
          <span className="visually-hidden">错误：</span>
          {props.error}
        </p>
      )}
      <input
        id="report-photos"
        name="photos"
        type="file"
        accept="image/*"
        multiple
        className="visually-hidden file-input"
        disabled={full || busy}
        aria-labelledby="report-photos-title report-photos-button"
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => void add(event)}
      />
      <label
        htmlFor="report-photos"
        id="report-photos-button"
        className={full || busy ? 'button-secondary photo-button photo-button-off' : 'button-secondary photo-button'}
      >
        {button}
      </label>
      {photos.length > 0 && (
        <ul className="photo-list">
          {photos.map((p, i) => (
            <li key={p.previewUrl}>
              <img src={p.previewUrl} alt={tf('report.photoPreview', { n: i + 1 })} width={96} height={96} />
              <span>
                {tf('report.photoReady', {
                  n: i + 1,
                  width: p.photo.width,
                  height: p.photo.height,
                  size: formatBytes(p.bytes),
                })}
              </span>
              <button type="button" className="button-secondary" onClick={() => remove(i)}>
                {tf('report.photoRemove', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}
