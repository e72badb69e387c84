import { describe, expect, it } from 'vitest';
import { signatureText } from '../../../../shared/domain/scenario/share-signature';

const fp = 'c745 7d19 7d04 8f98 b726 32f4 ab24 95ce';

describe('signatureText', () => {
  it('names a trusted signer by the name the user knows the key by', () => {
    expect(signatureText({ status: 'signed', signer: 'J. C.', fingerprint: fp, trusted: true, trustedName: 'Jane Consultant' })).toBe(
      `Signed by Jane Consultant, key fingerprint ${fp} (a trusted key).`,
    );
  });

  it('quotes the name an untrusted key claims and says how to trust it', () => {
    expect(signatureText({ status: 'signed', signer: 'Jane Consultant', fingerprint: fp, trusted: false, trustedName: null })).toMatch(
      /^Signed by "Jane Consultant" \(as the file says\), key fingerprint c745 .*not trusted.*tessera keys trust FILE/,
    );
  });

  it('says plainly when a file is unsigned', () => {
    expect(signatureText({ status: 'unsigned' })).toMatch(/^Unsigned: /);
  });
});
