import { describeMediaStoreContract, installTestServer } from '@reelsmith/testkit';
import { createFakeDrive, type FakeDrive } from './testing/drive-service.js';
import { testStore } from './testing/drive-test-setup.js';

const server = installTestServer();
let fake: FakeDrive;

// The 1 MiB sample goes up resumably in four 256 KiB chunks; smaller ones go multipart.
// `maxPageSize: 2` makes every `list` page through `files.list`.
describeMediaStoreContract({
  name: 'Google Drive store',
  create: () => {
    fake = createFakeDrive({ maxPageSize: 2 });
    server.use(...fake.handlers);
    return testStore();
  },
  corrupt: (_store, key) => {
    const file = fake.fileNamed(key);
    if (!file) throw new Error(`no file named ${key} in the fake Drive`);
    file.bytes = file.bytes.slice(0, file.bytes.byteLength - 1);
  },
});
