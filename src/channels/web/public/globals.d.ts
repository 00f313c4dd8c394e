/**
 * What the browser files in this folder share through `window`: Web Chat's bundle (loaded from
 * /webchat/webchat.js, untyped here) and the Direct Line client (directLineClient.js).
 */
interface CandidateChatSavedSession {
  conversationId: string;
  token: string;
  userId: string;
  watermark: string;
  expiresAt: number;
}

interface CandidateChatClientOptions {
  domain: string;
  session: { conversationId: string; token: string; userId: string; expiresIn?: number };
  resume: boolean;
  watermark?: string;
  webSocket: boolean;
  /** The browser's language, sent when the conversation starts (the welcome is in it). */
  locale?: string;
  pollingIntervalMs?: number;
  onSession?: (saved: CandidateChatSavedSession) => void;
  onState?: (state: 'connecting' | 'online' | 'reconnecting' | 'ended') => void;
}

interface Window {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  WebChat?: any;
  CandidateChatDirectLine?: {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    create(options: CandidateChatClientOptions): any;
    Status: Record<string, number>;
  };
}
