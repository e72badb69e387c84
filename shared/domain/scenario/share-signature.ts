import type { ShareSignature } from '../../contracts/api/types';

/**
 * One line a person reads about who signed a share file. A trusted key is named by the name the user
 * knows it by; an untrusted one by the name the file claims, marked as such, with what to do about it.
 */
export function signatureText(sig: ShareSignature): string {
  if (sig.status === 'unsigned') return 'Unsigned: nothing shows who made this file or that it is unchanged since.';
  if (sig.trusted) return `Signed by ${sig.trustedName ?? sig.signer}, key fingerprint ${sig.fingerprint} (a trusted key).`;
  return `Signed by "${sig.signer}" (as the file says), key fingerprint ${sig.fingerprint}, a key you have not trusted: compare the fingerprint with the sender's, then trust their public key (tessera keys trust FILE).`;
}
