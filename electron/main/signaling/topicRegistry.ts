// Which connections listen on which topic. Topics are room names, so the registry is the only
// place they exist on the server: never logged, only counted. It knows nothing of limits
// (subscriptions.ts) or delivery (topicFanOut.ts). It says when a topic gets its first
// subscriber and loses its last, so a bus shared with other instances hears only the topics this
// instance has listeners for.

export interface TopicListener {
  opened(topic: string): void;
  closed(topic: string): void;
}

export class TopicRegistry<C> {
  private readonly topics = new Map<string, Set<C>>();
  private readonly byConnection = new Map<C, Set<string>>();

  constructor(private readonly listener?: TopicListener) {}

  get topicCount(): number {
    return this.topics.size;
  }

  get subscriptionCount(): number {
    let n = 0;
    for (const subs of this.topics.values()) n += subs.size;
    return n;
  }

  topicsOf(conn: C): number {
    return this.byConnection.get(conn)?.size ?? 0;
  }

  /** The topics a connection holds, as a copy (safe to unsubscribe while iterating). */
  topicsHeldBy(conn: C): string[] {
    return [...(this.byConnection.get(conn) ?? [])];
  }

  has(topic: string): boolean {
    return this.topics.has(topic);
  }

  isSubscribed(conn: C, topic: string): boolean {
    return this.byConnection.get(conn)?.has(topic) ?? false;
  }

  subscribe(conn: C, topic: string): void {
    let subs = this.topics.get(topic);
    if (!subs) {
      subs = new Set();
      this.topics.set(topic, subs);
      this.listener?.opened(topic);
    }
    subs.add(conn);
    let mine = this.byConnection.get(conn);
    if (!mine) {
      mine = new Set();
      this.byConnection.set(conn, mine);
    }
    mine.add(topic);
  }

  unsubscribe(conn: C, topic: string): void {
    const subs = this.topics.get(topic);
    if (subs) {
      subs.delete(conn);
      if (subs.size === 0) {
        this.topics.delete(topic);
        this.listener?.closed(topic);
      }
    }
    const mine = this.byConnection.get(conn);
    if (mine) {
      mine.delete(topic);
      if (mine.size === 0) this.byConnection.delete(conn);
    }
  }

  removeConnection(conn: C): void {
    for (const topic of this.topicsHeldBy(conn)) this.unsubscribe(conn, topic);
  }

  subscribers(topic: string): ReadonlySet<C> | undefined {
    return this.topics.get(topic);
  }
}
