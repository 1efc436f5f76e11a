import { useState } from 'react';
import type { PreparedPhoto } from './photos';

/**
 * A form's photos: the prepared ones, whether one is being prepared (the submit button waits),
 * and clear() once they are sent, which also frees their previews.
 */
export function usePhotos() {
  const [photos, setPhotos] = useState<PreparedPhoto[]>([]);
  const [busy, setBusy] = useState(false);

  function clear() {
    for (const photo of photos) URL.revokeObjectURL(photo.previewUrl);
    setPhotos([]);
  }

  return { photos, setPhotos, busy, setBusy, clear };
}

export type Photos = ReturnType<typeof usePhotos>;
