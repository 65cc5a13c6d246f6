// What the relay needs of a signaling connection: y-webrtc's signaling protocol (subscribe,
// unsubscribe, publish on topics). The renderer shares y-webrtc's own WebSockets; headless peers
// (tests, benchmarks) use socketTransport.ts. Any pub/sub bus behind the server is invisible here.
export interface RelayTransport {
  subscribe(topics: readonly string[]): void;
  unsubscribe(topics: readonly string[]): void;
  /** Sends when connected; a frame sent while disconnected is lost (the relay resyncs on connect). */
  publish(topic: string, data: string): void;
  /** Every 'publish' the server delivers; returns the unsubscribe function. */
  onMessage(listener: (topic: string, data: unknown) => void): () => void;
  /** Each (re)connection: subscriptions are per connection and must be renewed. */
  onConnect(listener: () => void): () => void;
  isConnected(): boolean;
}
