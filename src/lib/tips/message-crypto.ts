import { Decrypter, Encrypter, armor } from 'age-encryption';
import { MessageBody, type ConversationMessage } from '../../schemas/conversation';
import { sha256Hex } from '../bytes';

/**
 * The conversation's messages, on both sides: the office encrypts each one to the informant's
 * reply key and to its own keys (so it can read its record back); the informant's browser
 * decrypts them with the identity derived from the receipt (reply-key.ts). Both sides validate
 * what they decrypt with the same schema (schemas/conversation.ts).
 */

/** One message, armored, for content/receipts.yaml. */
export async function encryptMessage(body: MessageBody, recipients: readonly string[]): Promise<string> {
  if (recipients.length === 0) throw new Error('no recipients for the message');
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  return armor.encode(await encrypter.encrypt(JSON.stringify(MessageBody.parse(body))));
}

/** A published message read with an identity: its body, or undefined when that identity cannot open it. */
export interface ReadMessage {
  date: string;
  from: ConversationMessage['from'];
  answered?: string;
  body: MessageBody | undefined;
}

type Published = Pick<ConversationMessage, 'date' | 'from' | 'ciphertext' | 'answered'>;

export async function readMessage(message: Published, identities: readonly string[]): Promise<ReadMessage> {
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(identity);
  let body: MessageBody | undefined;
  try {
    const parsed = MessageBody.safeParse(JSON.parse(await decrypter.decrypt(armor.decode(message.ciphertext), 'text')));
    body = parsed.success ? parsed.data : undefined;
  } catch {
    body = undefined;
  }
  return { date: message.date, from: message.from, ...(message.answered ? { answered: message.answered } : {}), body };
}

/** The whole thread, in order; messages the identities cannot open keep their place, without a body. */
export function readThread(messages: readonly Published[], identities: readonly string[]): Promise<ReadMessage[]> {
  return Promise.all(messages.map((message) => readMessage(message, identities)));
}

const REF_DOMAIN = 'nanzhuang-hazard-disclosure/follow-up-ref/v1';

/**
 * The public reference of a recorded follow-up: lets the office tool record each follow-up once.
 * Computed from the receipt and the follow-up's queue id, so whoever sees the queue ids (the
 * host) cannot tell which published message came from which queued item without the receipt.
 */
export async function followUpRef(receipt: string, submissionId: string): Promise<string> {
  const hex = await sha256Hex(new TextEncoder().encode(`${REF_DOMAIN}\n${receipt}\n${submissionId.toLowerCase()}`));
  return hex.slice(0, 16);
}
