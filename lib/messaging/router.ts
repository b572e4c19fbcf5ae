import type { Browser } from 'wxt/browser';
import { describeError, type ErrorCode, errorCodeOf } from '../errors';
import {
  type MessageError,
  REQUEST_ACCESS,
  type RequestOf,
  type RequestType,
  type Response,
  type ResponseData,
  requestSchema,
  responseSchemaFor,
  type SenderKind,
} from './contract';
import { type RouterSenderPolicy, senderKindOf } from './sender';

export type Handlers = {
  [T in RequestType]: (
    request: RequestOf<T>,
    context: {
      senderKind: SenderKind;
      tabId?: number;
      frameId?: number;
      /** The sender's document, where the browser names it (Chrome 106+; not Firefox). */
      documentId?: string;
      tabUrl?: string;
      frameUrl?: string;
    },
  ) => Promise<ResponseData<T>>;
};

function failure(code: ErrorCode, message: string): { ok: false; error: MessageError } {
  return { ok: false, error: { code, message } };
}

/**
 * The worker's single entry point for messages: check the sender, parse the request, check
 * that this kind of sender may ask for it, then run exactly one handler. Never throws.
 */
export function createMessageRouter(handlers: Handlers, policy: RouterSenderPolicy) {
  return async (message: unknown, sender: Browser.runtime.MessageSender): Promise<Response<RequestType>> => {
    const senderKind = await senderKindOf(sender, policy);
    if (!senderKind) return failure('FORBIDDEN_SENDER', 'Messages are accepted only from this extension');
    const parsed = requestSchema.safeParse(message);
    if (!parsed.success) return failure('INVALID_MESSAGE', 'The request does not match the message contract');
    const request = parsed.data;
    if (!REQUEST_ACCESS[request.type].includes(senderKind)) {
      return failure('FORBIDDEN_SENDER', `${request.type} is not available to this part of the extension`);
    }
    try {
      const handler = handlers[request.type] as (r: typeof request, c: object) => Promise<unknown>;
      const context = {
        senderKind,
        tabId: sender.tab?.id,
        frameId: sender.frameId,
        documentId: sender.documentId,
        tabUrl: sender.tab?.url,
        frameUrl: sender.url,
      };
      const data = await handler(request, context);
      // Answers are validated here, once, with the contract's schemas: the content script
      // only checks the envelope (it cannot afford zod).
      const answer = responseSchemaFor(request.type).safeParse({ ok: true, data });
      if (!answer.success)
        // Our own handler breaking the contract is the extension's fault (INVALID_RESPONSE means Adobe's answer).
        return failure('INTERNAL', `The answer to ${request.type} does not match the contract`);
      return answer.data as Response<RequestType>;
    } catch (error) {
      return failure(errorCodeOf(error), describeError(error));
    }
  };
}
