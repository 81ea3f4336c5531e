/** Bytes behind file_key / image_key: uploads by the bot and attachments of user messages. */
import { ids } from './ids.js';

export interface StoredFile {
  key: string;
  kind: 'file' | 'image';
  fileName: string;
  fileType: string;
  bytes: Buffer;
  /** 'bot' for uploads through im/v1/files|images, else the user's open_id. */
  owner: string;
}

export type FileStore = ReturnType<typeof createFileStore>;

export function createFileStore() {
  const files = new Map<string, StoredFile>();
  return {
    put(f: Omit<StoredFile, 'key'>): StoredFile {
      const key = f.kind === 'image' ? ids.imageKey() : ids.fileKey();
      const stored = { ...f, key, bytes: Buffer.from(f.bytes) };
      files.set(key, stored);
      return stored;
    },
    get: (key: string) => files.get(key),
  };
}
